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

    public enum Status {
        EXECUTED, FAILED, DRY_RUN;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase();
        }
    }
}
