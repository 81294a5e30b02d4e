package com.myagents.ingest.agenttypes;

import tools.jackson.databind.JsonNode;

/**
 * An operator's edit of a draft version. Absent parts are taken from the version it starts from,
 * so "new draft from the latest" is an empty body.
 */
public record DefinitionDraft(
        String version,
        String displayName,
        String description,
        JsonNode configSchema,
        JsonNode uiHints,
        JsonNode goalTemplates,
        JsonNode enforcementDefaults,
        JsonNode extraRules) {
}
