package com.myagents.contracts.deliverables;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A draft a goal run produced, keyed by deliverable_id (derived from run_id, so reprocessing
 * yields the same id). {@code proposed_actions} are the only actions an execution may take for it.
 */
public record DeliverableDraft(
        String deliverableId,
        String runId,
        String goalInstanceId,
        String goalTemplateId,
        String hiredInstanceId,
        String subscriptionId,
        String customerId,
        String kind,
        Map<String, Object> payload,
        List<String> proposedActions,
        String payloadHash,
        Instant suggestedFor,
        Instant createdAt) {
}
