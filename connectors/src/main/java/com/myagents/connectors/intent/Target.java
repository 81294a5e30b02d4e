package com.myagents.connectors.intent;

import java.util.Locale;

import com.myagents.contracts.publishing.SocialPlatform;

/** Where an action goes; also the suffix of the connector's service identity at the vault. */
public enum Target {
    DELTA, LINKEDIN, X, FACEBOOK, INSTAGRAM, YOUTUBE, WHATSAPP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The social platform with this payload code, or {@code null} when it is no platform we offer.
     * Whether a connector publishes there is the connectors' to say ({@link SocialPlatform#hasConnector()}).
     */
    public static Target socialPlatform(String code) {
        SocialPlatform platform = SocialPlatform.fromCode(code);
        return platform == null ? null : valueOf(platform.name());
    }
}
