package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.approved;
import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.myagents.enforcement.stages.EnforcementStores;
import com.myagents.contracts.approvals.ApprovalEvent.Verdict;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;

/**
 * Approvals and requests come on two topics, so a request made right after its approval can be read
 * first: it waits a short grace for that approval instead of being denied for not having one.
 */
class ApprovalGraceTest extends OpenTrialOnTheDriver {

    static final Duration GRACE = Duration.ofSeconds(2);

    ApprovalGraceTest() {
        super(GRACE);
    }

    @Test
    void aRequestReadBeforeItsApprovalIsAllowedOnceTheApprovalArrives() {
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        enforcement.advance(Duration.ofMillis(300));
        assertThat(enforcement.decisions()).as("still waiting for its approval").isEmpty();

        enforcement.approve(approved("approval-1", "deliverable-1"));
        enforcement.advance(Duration.ofMillis(200));

        assertThat(enforcement.decisions()).singleElement().satisfies(d -> {
            assertThat(d.key).isEqualTo("corr-1");
            assertThat(d.value.outcome()).isEqualTo(Outcome.ALLOW);
        });
        assertThat(enforcement.commands()).hasSize(1);
        assertThat(enforcement.<Object>store(EnforcementStores.AWAITING_APPROVAL).approximateNumEntries()).isZero();
    }

    @Test
    void aRetryWithAFreshApprovalWaitsForItInsteadOfMeetingTheOldOne() {
        enforcement.approve(Scenario.approval("approval-1", "deliverable-1", Verdict.REJECTED, null));
        enforcement.send(request("corr-1", "deliverable-1", "approval-2"));
        enforcement.advance(Duration.ofMillis(100));
        enforcement.approve(approved("approval-2", "deliverable-1"));
        enforcement.advance(Duration.ofMillis(200));

        ExecutionDecision decision = enforcement.decisions().get(0).value;
        assertThat(decision.reason()).isEqualTo(ReasonCode.ALLOWED);
        assertThat(decision.inputs().toString()).contains("approval-2");
    }

    @Test
    void anApprovalThatNeverComesIsDeniedOnceTheGraceIsOverAndOnlyOnce() {
        enforcement.approve(approved("approval-1", "deliverable-1"));
        enforcement.send(request("corr-1", "deliverable-1", "approval-forged"));
        enforcement.send(request("corr-2", "deliverable-2", "approval-unknown"));
        enforcement.advance(GRACE.minusMillis(200));
        assertThat(enforcement.decisions()).isEmpty();
        enforcement.send(request("corr-1", "deliverable-1", "approval-forged"));

        enforcement.advance(Duration.ofMillis(300));

        assertThat(enforcement.decisions()).extracting(d -> d.key + " " + d.value.reason().code())
                .containsExactlyInAnyOrder("corr-1 approval_mismatch", "corr-2 approval_not_found");
        assertThat(enforcement.denials()).hasSize(2);
        assertThat(enforcement.commands()).isEmpty();
        enforcement.advance(GRACE);
        assertThat(enforcement.decisions()).as("decided once").isEmpty();
    }

    @Test
    void aRequestWhoseApprovalIsHereIsDecidedWithoutWaiting() {
        enforcement.approve(approved("approval-1", "deliverable-1"));

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        enforcement.send(request("corr-2", "deliverable-1", null));

        assertThat(enforcement.decisions()).extracting(d -> d.value.reason().code())
                .containsExactly("allowed", "approval_missing");
    }
}
