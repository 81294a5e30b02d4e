package com.myagents.cp.vault;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Opaque, unguessable refs: {@code cref_} and 22 base62 characters (about 131 random bits). They stay
 * shorter than 32 characters, the length at which Plant's secret scanner treats a random string as a
 * secret.
 */
public final class CredentialRefs {

    public static final String PREFIX = "cref_";
    static final int RANDOM_CHARS = 22;

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final Pattern WELL_FORMED = Pattern.compile("^cref_[0-9A-Za-z]{22}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialRefs() {
    }

    public static String mint() {
        StringBuilder ref = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            ref.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return ref.toString();
    }

    /** Only refs of this shape are ever looked up; anything else cannot be one of ours. */
    public static boolean wellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }
}
