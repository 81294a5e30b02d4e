package com.myagents.connectors.actions;

import java.time.Instant;
import java.util.UUID;

import com.myagents.contracts.execution.ExecutionResult;

/** One row of {@code connectors.external_actions}. */
public record ActionRecord(
        String idempotencyKey,
        UUID claimId,
        UUID resultId,
        String commandId,
        String correlationId,
        String deliverableId,
        String subscriptionId,
        String hiredInstanceId,
        String action,
        String target,
        ActionStatus status,
        String failureCode,
        String externalId,
        long costMinor,
        String detail,
        Instant completedAt) {

    public boolean inFlight() {
        return status == ActionStatus.IN_FLIGHT;
    }

    /** The result event of a finished row: the same bytes however often it is published. */
    public ExecutionResult toResult() {
        return new ExecutionResult(resultId.toString(), commandId, correlationId, deliverableId, subscriptionId,
                status.resultStatus(), externalId, idempotencyKey, costMinor, detail, completedAt);
    }
}
