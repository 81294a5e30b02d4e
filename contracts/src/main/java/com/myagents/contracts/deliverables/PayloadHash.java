package com.myagents.contracts.deliverables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash an approval is bound to: hex SHA-256 of the payload's canonical JSON (object keys
 * sorted at every depth, no whitespace, UTF-8). Goal runs, edits and enforcement all use this
 * one function, so "the payload changed" means the same thing everywhere.
 */
public final class PayloadHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PayloadHash() {
    }

    /** The canonical JSON text of a payload (a map, a record or a JSON tree). */
    public static String canonicalJson(Object payload) {
        Map<String, Object> asMap = CANONICAL.convertValue(payload, new TypeReference<Map<String, Object>>() { });
        return CANONICAL.writeValueAsString(asMap);
    }

    public static String of(Object payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(payload).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
