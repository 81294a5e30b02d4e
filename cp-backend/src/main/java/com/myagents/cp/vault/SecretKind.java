package com.myagents.cp.vault;

import java.util.Locale;

/** What a vault entry holds; stored lower-case in {@code vault_entries.kind}. */
public enum SecretKind {
    PLATFORM, EXCHANGE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SecretKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
