package com.myagents.ingest.deliverables;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A deliverable as CP's Review shows it: the draft, its latest approval and its latest execution;
 * {@code retryable} when that execution failed or was denied for a reason the customer can fix
 * (review it again for a fresh approval, then execute), with {@code failure_reason} saying which.
 */
public record DeliverableView(
        String deliverableId,
        String runId,
        String goalInstanceId,
        String goalTemplateId,
        String hiredInstanceId,
        String kind,
        String state,
        JsonNode payload,
        List<String> proposedActions,
        String payloadHash,
        OffsetDateTime suggestedFor,
        OffsetDateTime scheduledFor,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Approval approval,
        Execution lastExecution,
        boolean retryable,
        String failureReason) {

    public record Approval(String approvalId, String verdict, String reviewer, String notes,
                           OffsetDateTime decidedAt, OffsetDateTime expiresAt) {
    }

    public record Execution(String correlationId, String status, String action, String reason,
                            OffsetDateTime requestedAt, OffsetDateTime decidedAt, Result result) {
    }

    /** {@code request_summary}: for a dry run, what would have been sent, readably (post or order). */
    public record Result(String status, String externalId, String detail, OffsetDateTime completedAt,
                         Map<String, Object> requestSummary) {
    }
}
