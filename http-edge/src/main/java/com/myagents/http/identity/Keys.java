package com.myagents.http.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** HMAC keys as configuration carries them: base64 text of at least 256 bits. */
public final class Keys {

    /** HS256 needs a key at least as long as its hash output. */
    public static final int MIN_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /** Decodes standard or URL-safe base64; refuses missing, malformed or short keys. */
    public static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("no HMAC key configured (expected base64 of at least "
                    + MIN_BYTES + " bytes)");
        }
        byte[] key = decodeEitherAlphabet(base64.strip());
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("HMAC key is " + key.length + " bytes; HS256 needs at least "
                    + MIN_BYTES + " bytes (256 bits)");
        }
        return key;
    }

    /** A fresh random key, base64: for the embedded default and for tests. */
    public static String generate() {
        byte[] key = new byte[MIN_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] decodeEitherAlphabet(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException standardFailed) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException urlFailed) {
                throw new IllegalArgumentException("HMAC key is not valid base64", urlFailed);
            }
        }
    }
}
