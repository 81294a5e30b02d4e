package com.myagents.contracts.execution;

import java.time.Instant;
import java.util.Map;

/**
 * An allowed side effect, addressed to a connector. Only enforcement can sign it; connectors
 * refuse a command whose signature does not verify. {@code idempotency_key} is one per approval
 * (the connector's own record of this execution); {@code platform_key} is one per approved
 * payload of a deliverable (what the platform de-duplicates by); {@code mode} says whether to act;
 * {@code manual} (signed too) says the customer already published the post by hand: the connector
 * records that and calls no platform.
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
        ExecutionMode mode,
        String platformKey,
        ManualPublication manual) {

    /**
     * A live command whose platform key is its idempotency key (commands written before the mode,
     * the platform key and manual publication existed read this way).
     */
    public ExecutionCommand(String commandId, String correlationId, String decisionId, String deliverableId,
            String subscriptionId, String customerId, String hiredInstanceId, String action, String approvalId,
            String idempotencyKey, Map<String, Object> payload, Instant issuedAt, String signature) {
        this(commandId, correlationId, decisionId, deliverableId, subscriptionId, customerId, hiredInstanceId, action,
                approvalId, idempotencyKey, payload, issuedAt, signature, ExecutionMode.LIVE, null, null);
    }

    /** A live command, or the record of a post the customer published by hand ({@code manual}). */
    public ExecutionCommand(String commandId, String correlationId, String decisionId, String deliverableId,
            String subscriptionId, String customerId, String hiredInstanceId, String action, String approvalId,
            String idempotencyKey, Map<String, Object> payload, Instant issuedAt, String signature,
            ManualPublication manual) {
        this(commandId, correlationId, decisionId, deliverableId, subscriptionId, customerId, hiredInstanceId, action,
                approvalId, idempotencyKey, payload, issuedAt, signature, ExecutionMode.LIVE, null, manual);
    }

    /** As enforcement signs it: its mode and platform key, no manual publication. */
    public ExecutionCommand(String commandId, String correlationId, String decisionId, String deliverableId,
            String subscriptionId, String customerId, String hiredInstanceId, String action, String approvalId,
            String idempotencyKey, Map<String, Object> payload, Instant issuedAt, String signature,
            ExecutionMode mode, String platformKey) {
        this(commandId, correlationId, decisionId, deliverableId, subscriptionId, customerId, hiredInstanceId, action,
                approvalId, idempotencyKey, payload, issuedAt, signature, mode, platformKey, null);
    }

    /** True unless the command is live: a mode this build does not know acts on nothing (absent means live). */
    public boolean dryRun() {
        return mode != null && !mode.live();
    }

    /**
     * The key a platform that de-duplicates requests gets (Delta's {@code client_order_id}). It is the
     * same for every execution of the same approved payload of a deliverable, so retrying a failed
     * execution with a fresh approval can find, and never repeat, what an earlier attempt placed.
     */
    public String platformIdempotencyKey() {
        return platformKey != null && !platformKey.isBlank() ? platformKey : idempotencyKey;
    }
}
