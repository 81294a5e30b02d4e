package com.myagents.ingest.deliverables;

import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A deliverable as CP's Review shows it: the draft, its latest approval and its latest execution. */
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
        Execution lastExecution) {

    public record Approval(String approvalId, String verdict, String reviewer, String notes,
                           OffsetDateTime decidedAt, OffsetDateTime expiresAt) {
    }

    public record Execution(String correlationId, String status, String action, String reason,
                            OffsetDateTime requestedAt, OffsetDateTime decidedAt, Result result) {
    }

    public record Result(String status, String externalId, String detail, OffsetDateTime completedAt) {
    }
}
