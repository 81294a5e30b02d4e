package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.approval;
import static com.myagents.enforcement.Scenario.approved;
import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.myagents.contracts.approvals.ApprovalEvent.Verdict;
import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.enforcement.policy.UsedApproval;
import com.myagents.enforcement.stages.Decided;

/** Nothing happens unless the latest approval of exactly this deliverable allows it, once. */
class ApprovalRulesTest extends OpenTrialOnTheDriver {

    ApprovalRulesTest() {
        super(Duration.ZERO);
    }

    @Test
    void allowsApprovedRequestOnceAndDeniesTheSecond() {
        // Given an approved deliverable
        enforcement.approve(approved("approval-1", "deliverable-1"));

        // When it is executed, and executed again with the same approval under a new correlation id
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        enforcement.send(request("corr-2", "deliverable-1", "approval-1"));

        // Then the first is allowed with every check passed
        List<KeyValue<String, ExecutionDecision>> decisions = enforcement.decisions();
        assertThat(decisions).extracting(d -> d.key).containsExactly("corr-1", "corr-2");
        ExecutionDecision first = decisions.get(0).value;
        assertThat(first.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(first.reason()).isEqualTo(ReasonCode.ALLOWED);
        assertThat(first.checks()).allMatch(CheckResult::passed).extracting(CheckResult::check).containsExactly(
                "request_well_formed", "action_known", "action_proposed", "approval_present", "approval_found", "approval_matches",
                "approval_approved", "approval_unexpired", "payload_unchanged", "payload_matches_hash", "approval_unused",
                "subscription_known", "subscription_active", "trial_open", "approval_within_lifetime", "trial_action_allowed", "trial_cap_reserved");
        assertThat(first.inputs()).containsKeys("request", "approval", "subscription")
                .containsEntry("trial_actions_today_before", 0).containsEntry("trial_actions_today_after", 1);

        // And one signed command, keyed by deliverable, that a connector can verify
        List<KeyValue<String, ExecutionCommand>> commands = enforcement.commands();
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).key).isEqualTo("deliverable-1");
        ExecutionCommand command = commands.get(0).value;
        assertThat(command.correlationId()).isEqualTo("corr-1");
        assertThat(command.decisionId()).isEqualTo(first.decisionId());
        assertThat(command.approvalId()).isEqualTo("approval-1");
        assertThat(command.action()).isEqualTo("publish");
        assertThat(command.idempotencyKey()).hasSize(32);
        assertThat(command.payload()).isEqualTo(Scenario.PAYLOAD);
        assertThat(EnforcementDriver.SIGNER.verify(command)).isTrue();

        // And the second is denied as already executed, pointing at the first
        ExecutionDecision second = decisions.get(1).value;
        assertThat(second.reason()).isEqualTo(ReasonCode.ALREADY_EXECUTED);
        assertThat(second.inputs()).containsEntry("approval_used_by", "corr-1");
        assertThat(enforcement.denials()).extracting(d -> d.value.correlationId()).containsExactly("corr-2");
    }

    @Test
    void deniesApprovalOfADeliverableThatHasNone() {
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(onlyReason()).isEqualTo(ReasonCode.APPROVAL_NOT_FOUND);
    }

    /**
     * Deliverable 1 is approved with approval-1, then approval-2 approves {@code secondApproves}; a request
     * on {@code requested} with approval-1 is denied: a replay on another deliverable, or an approval that
     * is no longer the latest.
     */
    @ParameterizedTest(name = "approval-2 approves {0}, approval-1 used on {1}")
    @CsvSource({"deliverable-2, deliverable-2", "deliverable-1, deliverable-1"})
    void deniesAnApprovalThatIsNotTheLatestOfTheRequestedDeliverable(String secondApproves, String requested) {
        enforcement.approve(approved("approval-1", "deliverable-1"));
        enforcement.approve(approved("approval-2", secondApproves));

        enforcement.send(request("corr-1", requested, "approval-1"));

        assertThat(onlyReason()).isEqualTo(ReasonCode.APPROVAL_MISMATCH);
        assertThat(enforcement.commands()).isEmpty();
    }

    @Test
    void deniesRejectedApproval() {
        enforcement.approve(approval("approval-1", "deliverable-1", Verdict.REJECTED, EnforcementDriver.START.plus(Duration.ofDays(1))));

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(onlyReason()).isEqualTo(ReasonCode.APPROVAL_REJECTED);
    }

    @Test
    void deniesApprovalVoidedByAnEdit() {
        enforcement.approve(approved("approval-1", "deliverable-1"));
        enforcement.approve(approval("approval-1", "deliverable-1", Verdict.VOIDED, EnforcementDriver.START.plus(Duration.ofDays(1))));

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(onlyReason()).isEqualTo(ReasonCode.APPROVAL_REJECTED);
    }

    @Test
    void deniesExpiredApproval() {
        // Given an approval valid for one hour
        enforcement.approve(approval("approval-1", "deliverable-1", Verdict.APPROVED, EnforcementDriver.START.plus(Duration.ofHours(1))));

        // When the request is decided after that hour (a scheduled execution, say)
        enforcement.advance(Duration.ofMinutes(61));
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(onlyReason()).isEqualTo(ReasonCode.APPROVAL_EXPIRED);
    }

    @Test
    void deniesEditedPayload() {
        enforcement.approve(approved("approval-1", "deliverable-1"));

        enforcement.send(Scenario.withPayloadHash(request("corr-1", "deliverable-1", "approval-1"), "sha256:edited"));

        assertThat(onlyReason()).isEqualTo(ReasonCode.PAYLOAD_CHANGED);
    }

    @Test
    void remembersAUsedApprovalUntilWellAfterItExpires() {
        enforcement.approve(approval("approval-1", "deliverable-1", Verdict.APPROVED, EnforcementDriver.START.plus(Duration.ofHours(1))));
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        assertThat(enforcement.<UsedApproval>store("enforcement-used-approvals").get("approval-1"))
                .extracting(UsedApproval::correlationId, UsedApproval::decisionId)
                .containsExactly("corr-1", Decided.decisionId("corr-1"));

        enforcement.advance(Duration.ofDays(3));
        assertThat(enforcement.<UsedApproval>store("enforcement-used-approvals").get("approval-1")).isNotNull();

        // Past expiry plus the memory, expiry alone denies a reuse: the entry can go
        enforcement.advance(Duration.ofDays(7));
        assertThat(enforcement.<UsedApproval>store("enforcement-used-approvals").get("approval-1")).isNull();
        enforcement.send(request("corr-2", "deliverable-1", "approval-1"));
        assertThat(enforcement.decisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.APPROVAL_EXPIRED);
    }

    private ReasonCode onlyReason() {
        List<KeyValue<String, ExecutionDecision>> decisions = enforcement.decisions();
        assertThat(decisions).hasSize(1);
        assertThat(enforcement.denials()).extracting(d -> d.value.reason()).containsExactly(decisions.get(0).value.reason());
        return decisions.get(0).value.reason();
    }
}
