package com.myagents.enforcement.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ReasonCode;

/** Edge cases of the approval rules that the topology tests do not reach: deny whatever is unclear. */
class DeliverableRulesTest {

    static final java.util.Map<String, Object> PAYLOAD = java.util.Map.of("text", "approved post");
    static final String HASH = com.myagents.contracts.deliverables.PayloadHash.of(PAYLOAD);

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void deniesAnApprovalRecordedForAnotherSubscription() {
        assertThat(reason(request(HASH), approval("sub-2", ApprovalEvent.Verdict.APPROVED, HASH, LATER)))
                .isEqualTo(ReasonCode.APPROVAL_MISMATCH);
    }

    @Test
    void deniesAnApprovalWithoutVerdict() {
        assertThat(reason(request(HASH), approval("sub-1", null, HASH, LATER))).isEqualTo(ReasonCode.APPROVAL_REJECTED);
    }

    @Test
    void deniesAnApprovalWithAVerdictThisBuildDoesNotKnowNamingIt() {
        Verdict verdict = DeliverableRules.evaluate(request(HASH),
                approval("sub-1", ApprovalEvent.Verdict.fromCode("escalated"), HASH, LATER), NOW);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Denied.class, denied -> {
            assertThat(denied.reason()).isEqualTo(ReasonCode.APPROVAL_REJECTED);
            assertThat(denied.detail()).endsWith("is escalated");
        });
    }

    @Test
    void deniesAnApprovalWithoutExpiry() {
        assertThat(reason(request(HASH), approval("sub-1", ApprovalEvent.Verdict.APPROVED, HASH, null))).isEqualTo(ReasonCode.APPROVAL_EXPIRED);
    }

    @Test
    void deniesAnApprovalThatExpiresThisVeryMoment() {
        assertThat(reason(request(HASH), approval("sub-1", ApprovalEvent.Verdict.APPROVED, HASH, NOW))).isEqualTo(ReasonCode.APPROVAL_EXPIRED);
    }

    @Test
    void deniesARequestWithoutPayloadHash() {
        assertThat(reason(request(null), approval("sub-1", ApprovalEvent.Verdict.APPROVED, null, LATER))).isEqualTo(ReasonCode.PAYLOAD_CHANGED);
    }

    @Test
    void namesEveryMissingId() {
        ExecutionRequest empty = new ExecutionRequest("", null, null, null, null, null, null, null, null, null, null, null);
        Verdict verdict = DeliverableRules.evaluate(empty, null, NOW);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Denied.class, denied -> {
            assertThat(denied.reason()).isEqualTo(ReasonCode.MALFORMED_REQUEST);
            assertThat(denied.detail()).isEqualTo("missing correlation_id, deliverable_id, subscription_id");
        });
    }

    @Test
    void passesAMatchingApprovedUnexpiredUnchangedApproval() {
        assertThat(DeliverableRules.evaluate(request(HASH), approval("sub-1", ApprovalEvent.Verdict.APPROVED, HASH, LATER), NOW))
                .isInstanceOf(Verdict.Allowed.class);
    }

    private static ReasonCode reason(ExecutionRequest request, ApprovalEvent approval) {
        Verdict verdict = DeliverableRules.evaluate(request, approval, NOW);
        assertThat(verdict).isInstanceOf(Verdict.Denied.class);
        return ((Verdict.Denied) verdict).reason();
    }

    private static ExecutionRequest request(String payloadHash) {
        return new ExecutionRequest("corr-1", "deliverable-1", "sub-1", "customer-1", "hired-1", "post", "approval-1",
                payloadHash, "customer-1", NOW, PAYLOAD, java.util.List.of("post"));
    }

    private static ApprovalEvent approval(String subscriptionId, ApprovalEvent.Verdict verdict, String payloadHash, Instant expiresAt) {
        return new ApprovalEvent("approval-1", "deliverable-1", subscriptionId, "customer-1", verdict, "reviewer", null,
                payloadHash, NOW, expiresAt);
    }
}
