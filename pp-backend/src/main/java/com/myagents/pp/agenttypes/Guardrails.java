package com.myagents.pp.agenttypes;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Everything a definition must satisfy before it may be published, each failure with the JSON
 * pointer of what is wrong: schemas, UI hints, goal templates, enforcement defaults, and how each
 * offered platform is published.
 */
public final class Guardrails {

    static final String TRADING_PREFIX = "trading.";

    private Guardrails() {
    }

    /** @param definition a definition as Plant serves it (snake_case JSON) */
    public static List<Finding> check(JsonNode definition) {
        List<Finding> findings = new ArrayList<>();
        boolean trading = definition.path("agent_type_id").asString("").startsWith(TRADING_PREFIX);
        JsonNode config = definition.path("config_schema");
        List<Finding> schema = SchemaRules.check("/config_schema", config);
        findings.addAll(schema);
        UiHintRules hints = new UiHintRules(schema.isEmpty() ? config : null, findings);
        if (schema.isEmpty()) {
            hints.check(config, FieldTypes.resolve(config, config), "/config_schema", definition.path("ui_hints"),
                    "/ui_hints");
        }
        GoalTemplateRules.check(definition, trading, hints, findings);
        EnforcementRules.check(definition, trading, findings);
        PublishingRules.check(definition, findings);
        return findings;
    }
}
