package com.myagents.contracts.approvals;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.myagents.contracts.OpenCode;

/**
 * A review of one deliverable, keyed by its subscription_id (enforcement keeps the latest of each
 * deliverable): the approval an execution request must match. {@code payload_hash} is the hash of exactly what
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

    /**
     * The review's verdict, on the wire as a lower-case code. An {@link OpenCode}, like
     * {@code ReasonCode}: a verdict a newer reviewer writes is kept as written ({@link #known()} is
     * false) and passed on, never refused; only {@link #APPROVED} approves anything.
     */
    public static final class Verdict extends OpenCode {

        public static final Verdict APPROVED = new Verdict("approved");
        public static final Verdict REJECTED = new Verdict("rejected");
        public static final Verdict VOIDED = new Verdict("voided");

        /** The verdicts this build knows, in the order they were introduced. */
        public static final Known<Verdict> KNOWN = new Known<>(Verdict.class, Verdict::new, APPROVED, REJECTED, VOIDED);

        public Verdict(String code) {
            super(code, "a review verdict");
        }

        /** The known constant itself for a known code (so {@code ==} holds), a new verdict carrying any other, null for null. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Verdict fromCode(String code) {
            return KNOWN.fromCode(code);
        }
    }
}
