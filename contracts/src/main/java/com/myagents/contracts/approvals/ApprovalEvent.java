package com.myagents.contracts.approvals;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
     * The review's verdict, on the wire as a lower-case code. Not an enum on purpose, like
     * {@code ReasonCode}: a verdict a newer reviewer writes is kept as written ({@link #known()} is
     * false) and passed on, never refused; only {@link #APPROVED} approves anything.
     */
    public record Verdict(String code) {

        public static final Verdict APPROVED = new Verdict("approved");
        public static final Verdict REJECTED = new Verdict("rejected");
        public static final Verdict VOIDED = new Verdict("voided");

        private static final List<Verdict> KNOWN = List.of(APPROVED, REJECTED, VOIDED);

        public Verdict {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("a review verdict is a non-blank string");
            }
        }

        @JsonValue
        @Override
        public String code() {
            return code;
        }

        /** The verdicts this build knows, in the order they were introduced. */
        public static List<Verdict> values() {
            return KNOWN;
        }

        /** The known constant itself for a known code (so {@code ==} holds), a new verdict carrying any other, null for null. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Verdict fromCode(String code) {
            if (code == null) {
                return null;
            }
            return KNOWN.stream().filter(v -> v.code.equals(code)).findFirst().orElseGet(() -> new Verdict(code));
        }

        /** False for a verdict written by a newer reviewer than this build. */
        public boolean known() {
            return KNOWN.contains(this);
        }

        @Override
        public String toString() {
            return code;
        }
    }
}
