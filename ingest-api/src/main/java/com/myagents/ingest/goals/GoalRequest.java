package com.myagents.ingest.goals;

import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/v1/hired-agents/{id}/goals}: create (no id) or replace one goal instance.
 * {@code timezone} is optional: absent, the goal follows its agent's time zone, also when it changes.
 */
public record GoalRequest(
        String goalInstanceId,
        String goalTemplateId,
        String frequency,
        String timeOfDay,
        JsonNode settings,
        Boolean enabled,
        String timezone) {
}
