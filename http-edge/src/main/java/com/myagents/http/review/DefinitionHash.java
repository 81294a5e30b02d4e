package com.myagents.http.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash a review receipt is bound to: hex SHA-256 of an agent-type version's content (id, version
 * and every field a customer's contract is made of) as canonical JSON — keys sorted at every depth,
 * no whitespace. pp-backend hashes the definition it reviewed, Plant the one it is about to publish;
 * one function, so "the definition changed since review" means the same on both sides.
 */
public final class DefinitionHash {

    /** The content fields, as Plant's JSON names them; status and timestamps are not content. */
    public static final List<String> FIELDS = List.of("agent_type_id", "version", "display_name", "description",
            "config_schema", "ui_hints", "goal_templates", "enforcement_defaults", "extra_rules");

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private DefinitionHash() {
    }

    /** @param definition an agent-type version as Plant serialises it (snake_case members) */
    public static String of(JsonNode definition) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode value = definition.get(field);
            // through text and back, so both sides see the same numbers whatever node types they hold
            content.put(field, value == null || value.isNull() ? null
                    : CANONICAL.readValue(CANONICAL.writeValueAsString(value), new TypeReference<Object>() { }));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
