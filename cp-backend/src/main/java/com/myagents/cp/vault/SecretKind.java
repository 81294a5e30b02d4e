package com.myagents.cp.vault;

import java.util.Locale;

/** What a vault entry holds; stored lower-case in {@code vault_entries.kind}. */
public enum SecretKind {
    PLATFORM("the platform credential"), EXCHANGE("the exchange setup");

    private final String what;

    SecretKind(String what) {
        this.what = what;
    }

    /** How a problem names an entry of this kind ("the exchange setup was not found"). */
    public String what() {
        return what;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SecretKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
