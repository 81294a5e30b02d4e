package com.myagents.connectors.http;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Plain JSON for platform bodies: field names exactly as each API spells them, insertion order kept. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static JsonNode readTree(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** JSON text as a tree (for a readable dry-run detail), other text as it is. */
    static Object readOrText(String text) {
        JsonNode node = readTree(text);
        return node.isMissingNode() ? text : MAPPER.convertValue(node, Object.class);
    }

    /** The text of a field, or {@code null} when it is absent, null or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isObject() || value.isArray() || value.isMissingNode()) {
            return null;
        }
        return value.asString();
    }

    public static Map<String, Object> asMap(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = MAPPER.convertValue(node, Map.class);
        return map;
    }
}
