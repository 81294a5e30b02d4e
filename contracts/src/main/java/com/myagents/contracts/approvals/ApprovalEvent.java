package com.myagents.contracts.approvals;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The latest review of one deliverable, keyed by deliverable_id on a compacted topic: the
 * approval an execution request must match. {@code payload_hash} is the hash of exactly what
 * was approved; {@code VOIDED} replaces an approval when the draft is edited afterwards.
 */
public record ApprovalEvent(
        String approvalId,
        String deliverableId,
        String subscriptionId,
        String customerId,
        Verdict verdict,
        String reviewer,
        String notes,
        String payloadHash,
        Instant decidedAt,
        Instant expiresAt) {

    public enum Verdict {
        APPROVED, REJECTED, VOIDED;

        @JsonValue
        public String code() {
            return name().toLowerCase();
        }
    }
}
