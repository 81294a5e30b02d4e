package com.myagents.connectors.delta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Delta {@code client_order_id} of a command: its idempotency key (enforcement mints 32 hex
 * characters, one key per approved payload of a deliverable, so a retry with a fresh approval reuses it). Delta takes at most 32 characters, so a longer key is replaced
 * by the first 32 hex characters of its SHA-256: still one id per key, on every attempt.
 */
public final class ClientOrderIds {

    static final int MAX_LENGTH = 32;

    private ClientOrderIds() {
    }

    public static String of(String idempotencyKey) {
        if (idempotencyKey.length() <= MAX_LENGTH && idempotencyKey.matches("[A-Za-z0-9_-]+")) {
            return idempotencyKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, MAX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
