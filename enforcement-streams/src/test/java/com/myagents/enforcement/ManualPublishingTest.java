package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.approval;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.approvals.ApprovalEvent.Verdict;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ManualPublication;
import com.myagents.contracts.execution.ReasonCode;

/**
 * A post the customer published by hand goes through enforcement like any execution —
 * approval, trial caps, audit — and, allowed, becomes a signed command that carries the manual mark.
 */
class ManualPublishingTest {

    private static final ManualPublication POSTED = new ManualPublication("https://www.youtube.com/post/Ug1");

    private final EnforcementDriver enforcement = new EnforcementDriver();

    @AfterEach
    void close() {
        enforcement.close();
    }

    @Test
    void deniesAManualPublicationWithoutApprovalAndAuditsIt() {
        enforcement.subscription(Scenario.inTrial(100));

        enforcement.send(manual("corr-1", "deliverable-1", null));

        assertThat(enforcement.decisions()).extracting(d -> d.value.reason()).containsExactly(ReasonCode.APPROVAL_MISSING);
        assertThat(enforcement.denials()).extracting(d -> d.value.correlationId()).containsExactly("corr-1");
        assertThat(enforcement.commands()).isEmpty();
    }

    @Test
    void anApprovedManualPublicationIsSignedWithItsMarkAndCountsAgainstTheTrial() {
        enforcement.subscription(Scenario.trial(1, 10, 1_000));
        for (int i = 1; i <= 2; i++) {
            enforcement.approve(approval("approval-" + i, "deliverable-" + i, Verdict.APPROVED,
                    EnforcementDriver.START.plus(Duration.ofDays(2))));
        }

        enforcement.send(manual("corr-1", "deliverable-1", "approval-1"));
        // published by hand: it happened, so the trial's one action of the day stays used
        enforcement.result(BudgetRulesTest.result("corr-1", "deliverable-1", ExecutionResult.Status.EXECUTED_MANUALLY, 0));
        enforcement.send(manual("corr-2", "deliverable-2", "approval-2"));

        List<ExecutionCommand> commands = enforcement.commands().stream().map(c -> c.value).toList();
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).manual()).isEqualTo(POSTED);
        assertThat(commands.get(0).signature()).startsWith("hmac-sha256:");
        assertThat(enforcement.decisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.TRIAL_CAP_EXCEEDED);
    }

    private static ExecutionRequest manual(String correlationId, String deliverableId, String approvalId) {
        ExecutionRequest r = Scenario.request(correlationId, deliverableId, approvalId);
        return new ExecutionRequest(r.correlationId(), r.deliverableId(), r.subscriptionId(), r.customerId(),
                r.hiredInstanceId(), r.action(), r.approvalId(), r.payloadHash(), r.requestedBy(), r.requestedAt(),
                r.payload(), r.proposedActions(), POSTED);
    }
}
