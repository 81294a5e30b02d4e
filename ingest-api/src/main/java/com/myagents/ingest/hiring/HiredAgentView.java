package com.myagents.ingest.hiring;

import java.time.OffsetDateTime;
import java.util.List;

import com.myagents.http.problem.Violation;

import tools.jackson.databind.JsonNode;

/**
 * A hired agent instance as CP shows it: its config (refs only) and the flags Plant computes —
 * {@code configured} from the pinned definition, {@code goals_completed} from the goals.
 */
public record HiredAgentView(
        String hiredInstanceId,
        String subscriptionId,
        String agentTypeId,
        String agentTypeVersion,
        String nickname,
        JsonNode config,
        boolean configured,
        List<Violation> configViolations,
        int goalsCount,
        boolean goalsCompleted,
        OffsetDateTime finalizedAt,
        String subscriptionStatus,
        String trialStatus,
        OffsetDateTime trialStartAt,
        OffsetDateTime trialEndAt,
        OffsetDateTime retentionUntil,
        boolean readOnly,
        int draftsPendingReview) {
}
