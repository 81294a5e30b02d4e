package com.myagents.ingest.goals;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

/**
 * A goal as the customer sees it. {@code timezone} is the goal's own IANA zone, {@code null} when
 * it follows its agent's; {@code effective_timezone} is the zone its times are in right now.
 */
public record GoalView(
        String goalInstanceId,
        String hiredInstanceId,
        String goalTemplateId,
        String frequency,
        String timeOfDay,
        JsonNode settings,
        boolean enabled,
        String timezone,
        String effectiveTimezone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        GoalRunView lastRun) {
}
