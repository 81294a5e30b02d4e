package com.myagents.ingest.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.myagents.http.problem.Violation;
import com.myagents.ingest.agenttypes.AgentTypeDefinition;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import tools.jackson.databind.JsonNode;

/**
 * Readiness of a configuration, computed from the pinned definition alone: its JSON Schema
 * (2020-12, networknt) plus the extra rules it declares as data. No agent type is special-cased
 * in Java.
 */
@Component
public class ConfigRules {

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(META_SCHEMA));
    /** Published versions never change, so their compiled schemas are kept. */
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /**
     * Every way {@code config} falls short of {@code definition}; none means configured. A finding
     * is {@code missing} when something required is absent (fine in a draft), otherwise what is
     * there is wrong (never stored).
     */
    public List<Finding> check(AgentTypeDefinition definition, JsonNode config) {
        List<Finding> found = new ArrayList<>();
        for (Error error : schemaOf(definition).validate(config)) {
            found.add(new Finding(pointerOf(error), error.getMessage(), "required".equals(error.getKeyword())));
        }
        for (JsonNode rule : definition.extraRules()) {
            boolean missing = "each_has_key".equals(rule.path("rule").asString(""));
            for (Violation v : ExtraRule.check(rule, config)) {
                found.add(new Finding(v.pointer(), v.message(), missing));
            }
        }
        return found;
    }

    public record Finding(String pointer, String message, boolean missing) {
        public Violation violation() {
            return new Violation(pointer, message);
        }
    }

    /** Violations of a goal's settings against its template's settings schema. */
    public List<Violation> settingsViolations(JsonNode settingsSchema, JsonNode settings) {
        return schemaViolations(registry.getSchema(settingsSchema), settings);
    }

    /** What makes a definition unusable as a contract: schemas that are not JSON Schema, duplicate goal ids. */
    public List<Violation> definitionProblems(AgentTypeDefinition definition) {
        List<Violation> problems = new ArrayList<>(metaViolations("/config_schema", definition.configSchema()));
        Set<String> goalIds = new HashSet<>();
        int index = 0;
        for (JsonNode template : definition.goalTemplates()) {
            String at = "/goal_templates/" + index++;
            String id = template.path("goal_template_id").asString("");
            if (id.isBlank()) {
                problems.add(new Violation(at + "/goal_template_id", "is required"));
            } else if (!goalIds.add(id)) {
                problems.add(new Violation(at + "/goal_template_id", "duplicates goal template " + id));
            }
            problems.addAll(metaViolations(at + "/settings_schema", template.path("settings_schema")));
        }
        return problems;
    }

    private List<Violation> metaViolations(String at, JsonNode schema) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return List.of(new Violation(at, "must be a JSON Schema object"));
        }
        List<Violation> problems = new ArrayList<>();
        for (Violation v : schemaViolations(metaSchema, schema)) {
            problems.add(new Violation(at + v.pointer(), v.message()));
        }
        if (problems.isEmpty()) {
            try {
                registry.getSchema(schema).validate(com.myagents.contracts.serde.EventJson.MAPPER.createObjectNode());
            } catch (RuntimeException e) {
                problems.add(new Violation(at, "does not compile: " + e.getMessage()));
            }
        }
        return problems;
    }

    private Schema schemaOf(AgentTypeDefinition definition) {
        if (!definition.published()) {
            return registry.getSchema(definition.configSchema());
        }
        return compiled.computeIfAbsent(definition.agentTypeId() + "@" + definition.version(),
                key -> registry.getSchema(definition.configSchema()));
    }

    private static List<Violation> schemaViolations(Schema schema, JsonNode instance) {
        List<Violation> found = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            found.add(new Violation(pointerOf(error), error.getMessage()));
        }
        return found;
    }

    private static String pointerOf(Error error) {
        String pointer = pointer(error.getInstanceLocation());
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + escape(error.getProperty());
        }
        return pointer.isEmpty() ? "/" : pointer;
    }

    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The rules a schema cannot say, declared in the definition's {@code extra_rules}. */
    static final class ExtraRule {

        private ExtraRule() {
        }

        static List<Violation> check(JsonNode rule, JsonNode config) {
            return switch (rule.path("rule").asString("")) {
                case "member_of" -> memberOf(rule, config);
                case "each_has_key" -> eachHasKey(rule, config);
                case "iana_timezone" -> ianaTimezone(rule, config);
                default -> List.of(new Violation("/", "the definition declares an unknown rule "
                        + rule.path("rule").asString("(none)")));
            };
        }

        private static List<Violation> memberOf(JsonNode rule, JsonNode config) {
            String path = rule.path("path").asString();
            JsonNode value = config.at(path);
            JsonNode list = config.at(rule.path("in").asString());
            if (value.isMissingNode() || !list.isArray()) {
                return List.of(); // missing fields are the schema's "required" business
            }
            for (JsonNode member : list) {
                if (member.equals(value)) {
                    return List.of();
                }
            }
            return List.of(new Violation(path, rule.path("message").asString(
                    "must be one of " + rule.path("in").asString())));
        }

        private static List<Violation> eachHasKey(JsonNode rule, JsonNode config) {
            JsonNode list = config.at(rule.path("list").asString());
            String objectPath = rule.path("object").asString();
            JsonNode object = config.at(objectPath);
            List<Violation> missing = new ArrayList<>();
            if (!list.isArray()) {
                return missing;
            }
            // "except": keys that need no entry (e.g. platforms published by hand need no credential)
            Set<String> except = new HashSet<>();
            rule.path("except").forEach(key -> except.add(key.asString()));
            for (JsonNode key : list) {
                if (except.contains(key.asString())) {
                    continue;
                }
                if (!object.isObject() || !object.has(key.asString())) {
                    missing.add(new Violation(objectPath + "/" + escape(key.asString()),
                            rule.path("message").asString("is required for " + key.asString())));
                }
            }
            return missing;
        }

        private static List<Violation> ianaTimezone(JsonNode rule, JsonNode config) {
            String path = rule.path("path").asString();
            JsonNode value = config.at(path);
            if (!value.isString()) {
                return List.of();
            }
            try {
                ZoneId.of(value.asString());
                return List.of();
            } catch (DateTimeException e) {
                return List.of(new Violation(path, "is not an IANA time zone"));
            }
        }
    }
}
