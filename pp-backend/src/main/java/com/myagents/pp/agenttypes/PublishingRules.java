package com.myagents.pp.agenttypes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.myagents.contracts.publishing.SocialPlatform;
import com.myagents.contracts.publishing.SocialPlatform.Method;

import tools.jackson.databind.JsonNode;

/**
 * A definition may offer only platforms a post can reach: each platform its config or its goal
 * settings let a customer pick must be named in {@code enforcement_defaults.publishing} as
 * {@code connector} (only where a connector exists) or {@code manual} (the customer publishes the
 * approved post by hand and marks it posted). Otherwise its posts would be drafted, approved,
 * allowed — and then fail at the connector.
 */
final class PublishingRules {

    static final String AT = "/enforcement_defaults/publishing";

    private PublishingRules() {
    }

    static void check(JsonNode definition, List<Finding> findings) {
        Set<String> offered = offered(definition);
        JsonNode defaults = definition.path("enforcement_defaults");
        if (offered.isEmpty() || !defaults.isObject() || defaults.isEmpty()) {
            return; // no defaults at all is reported once, by EnforcementRules
        }
        JsonNode publishing = definition.path("enforcement_defaults").path("publishing");
        for (String code : offered) {
            SocialPlatform platform = SocialPlatform.fromCode(code);
            String at = AT + "/" + code;
            if (platform == null) {
                findings.add(new Finding(at, code + " is offered but is no platform Plant can publish to, by a"
                        + " connector or by hand"));
                continue;
            }
            Method method = Method.fromCode(publishing.path(code).asString(""));
            if (method == null) {
                findings.add(new Finding(at, "must say how posts reach " + platform.label() + ": "
                        + (platform.hasConnector() ? "connector or manual" : "manual (no connector publishes there)")));
            } else if (method == Method.CONNECTOR && !platform.hasConnector()) {
                findings.add(new Finding(at, "no connector publishes to " + platform.label()
                        + ": offer it as manual (the customer publishes the approved post by hand and marks it posted)"));
            }
        }
    }

    /** Platform codes of {@code platforms_enabled} in the config and {@code platforms} in any goal's settings. */
    private static Set<String> offered(JsonNode definition) {
        Set<String> codes = new LinkedHashSet<>();
        JsonNode config = definition.path("config_schema");
        collect(config, config.path("properties").path("platforms_enabled").path("items"), codes);
        for (JsonNode template : definition.path("goal_templates")) {
            JsonNode settings = template.path("settings_schema");
            collect(settings, settings.path("properties").path("platforms").path("items"), codes);
        }
        return codes;
    }

    private static void collect(JsonNode root, JsonNode items, Set<String> codes) {
        JsonNode resolved = items;
        String ref = items.path("$ref").asString("");
        if (ref.startsWith("#/")) {
            resolved = root.at(ref.substring(1));
        }
        resolved.path("enum").forEach(code -> codes.add(code.asString()));
    }
}
