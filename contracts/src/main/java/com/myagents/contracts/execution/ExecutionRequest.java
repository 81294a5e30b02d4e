package com.myagents.contracts.execution;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request to perform one external side effect for one deliverable. Keyed by deliverable_id.
 * {@code action} stays the raw string the caller sent so that enforcement, not the HTTP layer,
 * decides that an unknown one is denied. {@code approval_id} may be null: enforcement denies it.
 * {@code payload} is the deliverable's payload as it is now; enforcement checks it against
 * {@code payload_hash} and the approval, and hands exactly this payload to the connector;
 * {@code proposed_actions} are the only actions the deliverable may take. {@code manual} is set when
 * the customer marks a post as published by hand: enforced like any execution, performed by nobody.
 */
public record ExecutionRequest(
        String correlationId,
        String deliverableId,
        String subscriptionId,
        String customerId,
        String hiredInstanceId,
        String action,
        String approvalId,
        String payloadHash,
        String requestedBy,
        Instant requestedAt,
        Map<String, Object> payload,
        List<String> proposedActions,
        ManualPublication manual) {

    /** A request for a connector to act (not a manual publication). */
    public ExecutionRequest(String correlationId, String deliverableId, String subscriptionId, String customerId,
            String hiredInstanceId, String action, String approvalId, String payloadHash, String requestedBy,
            Instant requestedAt, Map<String, Object> payload, List<String> proposedActions) {
        this(correlationId, deliverableId, subscriptionId, customerId, hiredInstanceId, action, approvalId, payloadHash,
                requestedBy, requestedAt, payload, proposedActions, null);
    }
}
