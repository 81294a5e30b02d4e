package com.myagents.ingest.agenttypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.myagents.plant.status.AgentTypeStatus;

import tools.jackson.databind.JsonNode;

/**
 * One version of an agent type: the schema-driven contract CP renders forms from and Plant
 * computes readiness with. Immutable once published.
 */
public record AgentTypeDefinition(
        String agentTypeId,
        String version,
        String status,
        String displayName,
        String description,
        JsonNode configSchema,
        JsonNode uiHints,
        JsonNode goalTemplates,
        JsonNode enforcementDefaults,
        JsonNode extraRules,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime publishedAt) {

    public Optional<JsonNode> goalTemplate(String goalTemplateId) {
        return templates().stream()
                .filter(t -> goalTemplateId.equals(t.path("goal_template_id").asString(null)))
                .findFirst();
    }

    public List<JsonNode> templates() {
        return StreamSupport.stream(goalTemplates.spliterator(), false).toList();
    }

    public int trialDays() {
        return enforcementDefaults.path("trial_days").asInt(7);
    }

    /** {@code status} as the API shows it; this is the same value, typed. */
    public AgentTypeStatus lifecycle() {
        return AgentTypeStatus.of(status);
    }

    public boolean published() {
        return lifecycle() == AgentTypeStatus.PUBLISHED;
    }

    public boolean draft() {
        return lifecycle() == AgentTypeStatus.DRAFT;
    }
}
