package com.myagents.contracts.execution;

import java.time.Instant;

/** What a connector did with a command. {@code cost_minor} settles the budget reservation. */
public record ExecutionResult(
        String resultId,
        String commandId,
        String correlationId,
        String deliverableId,
        String subscriptionId,
        Status status,
        String externalId,
        String idempotencyKey,
        long costMinor,
        String detail,
        Instant completedAt) {

    /**
     * {@code executed_manually}: the customer published the approved post by hand and said so; no
     * connector called the platform, but the post is out (it counts and settles like executed).
     */
    public enum Status {
        EXECUTED, FAILED, DRY_RUN, EXECUTED_MANUALLY;

        /** True when the side effect happened (by a connector or by the customer's own hand). */
        public boolean happened() {
            return this == EXECUTED || this == EXECUTED_MANUALLY;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase();
        }
    }
}
