package com.myagents.contracts.execution;

import java.time.Instant;
import java.util.Map;

/**
 * An allowed side effect, addressed to a connector. Only enforcement can sign it; connectors
 * refuse a command whose signature does not verify.
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
        String signature) {
}
