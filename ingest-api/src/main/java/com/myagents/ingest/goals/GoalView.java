package com.myagents.ingest.goals;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

public record GoalView(
        String goalInstanceId,
        String hiredInstanceId,
        String goalTemplateId,
        String frequency,
        String timeOfDay,
        JsonNode settings,
        boolean enabled,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        GoalRunView lastRun) {
}
