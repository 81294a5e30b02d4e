package com.myagents.connectors.intent;

import java.util.Locale;

/** Where an action goes; also the suffix of the connector's service identity at the vault. */
public enum Target {
    DELTA, LINKEDIN, X;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The social platform with this payload code, or {@code null} when no connector publishes there. */
    public static Target socialPlatform(String code) {
        if ("linkedin".equals(code)) {
            return LINKEDIN;
        }
        if ("x".equals(code)) {
            return X;
        }
        return null;
    }
}
