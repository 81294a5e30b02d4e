package com.myagents.cp.vault;

/** What a customer may see of a secret to recognise it: its last four characters, if it is long enough. */
public final class Hints {

    static final String MASK = "****";
    /** Below this length, four characters would give away too much of the secret. */
    static final int MIN_LENGTH_TO_SHOW = 12;

    private Hints() {
    }

    public static String of(String secret) {
        String value = secret.strip();
        if (value.length() < MIN_LENGTH_TO_SHOW) {
            return MASK;
        }
        return MASK + value.substring(value.length() - 4);
    }
}
