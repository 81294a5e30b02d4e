package com.myagents.pp.agenttypes;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What kind of value a schema field holds, read the way a form renderer must read it: its own
 * {@code type}, else the definition a local {@code $ref} points to, else the kind of its
 * {@code const} or {@code enum} values.
 */
final class FieldTypes {

    /** The widgets a field of each JSON type may use. */
    static final Map<String, Set<String>> WIDGETS_BY_TYPE = Map.of(
            "string", Set.of("text", "enum", "timezone", "credential_ref"),
            "array", Set.of("list"),
            "object", Set.of("object", "credential_ref"),
            "integer", Set.of("number"),
            "number", Set.of("number"),
            "boolean", Set.of("boolean"));

    private static final int MAX_REF_DEPTH = 16;

    private FieldTypes() {
    }

    /** The field with every local {@code $ref} followed; a missing node when a reference leads nowhere. */
    static JsonNode resolve(JsonNode root, JsonNode field) {
        JsonNode current = field;
        for (int depth = 0; depth < MAX_REF_DEPTH && current != null && current.isObject(); depth++) {
            String ref = current.path("$ref").asString(null);
            if (ref == null || !ref.startsWith("#") || current.has("type") || current.has("enum")
                    || current.has("const") || current.has("properties")) {
                return current;
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }

    /** string, integer, number, boolean, array or object; {@code null} when the field does not say. */
    static String typeOf(JsonNode root, JsonNode field) {
        JsonNode resolved = resolve(root, field);
        if (resolved == null || !resolved.isObject()) {
            return null;
        }
        JsonNode type = resolved.path("type");
        if (type.isString()) {
            return type.asString();
        }
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!"null".equals(one.asString())) {
                    return one.asString();
                }
            }
        }
        if (resolved.has("const")) {
            return kindOf(resolved.get("const"));
        }
        if (resolved.path("enum").isArray() && !resolved.path("enum").isEmpty()) {
            return kindOf(resolved.path("enum").get(0));
        }
        if (resolved.has("properties")) {
            return "object";
        }
        return resolved.has("items") ? "array" : null;
    }

    /** The values a field allows when it lists them ({@code enum} or {@code const}); empty when it does not. */
    static Set<JsonNode> options(JsonNode root, JsonNode field) {
        JsonNode resolved = resolve(root, field);
        Set<JsonNode> options = new LinkedHashSet<>();
        if (resolved == null || !resolved.isObject()) {
            return options;
        }
        if (resolved.has("const")) {
            options.add(resolved.get("const"));
        }
        resolved.path("enum").forEach(options::add);
        return options;
    }

    static String kindOf(JsonNode value) {
        if (value.isString()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : value.isObject() ? "object" : null;
    }
}
