package com.myagents.contracts.execution;

import java.time.Instant;
import java.util.Map;

/**
 * An allowed side effect, addressed to a connector. Only enforcement can sign it; connectors
 * refuse a command whose signature does not verify. {@code manual} (signed too) says the customer
 * already published the post by hand: the connector records that and calls no platform.
 */
public record ExecutionCommand(
        String commandId,
        String correlationId,
        String decisionId,
        String deliverableId,
        String subscriptionId,
        String customerId,
        String hiredInstanceId,
        String action,
        String approvalId,
        String idempotencyKey,
        Map<String, Object> payload,
        Instant issuedAt,
        String signature,
        ManualPublication manual) {

    /** A command for a connector to act on (not a manual publication). */
    public ExecutionCommand(String commandId, String correlationId, String decisionId, String deliverableId,
            String subscriptionId, String customerId, String hiredInstanceId, String action, String approvalId,
            String idempotencyKey, Map<String, Object> payload, Instant issuedAt, String signature) {
        this(commandId, correlationId, decisionId, deliverableId, subscriptionId, customerId, hiredInstanceId, action,
                approvalId, idempotencyKey, payload, issuedAt, signature, null);
    }
}
