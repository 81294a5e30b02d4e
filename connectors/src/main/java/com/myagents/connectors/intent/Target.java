package com.myagents.connectors.intent;

import com.myagents.contracts.NamedCode;
import com.myagents.contracts.publishing.SocialPlatform;

/** Where an action goes; also the suffix of the connector's service identity at the vault. */
public enum Target implements NamedCode {
    DELTA, LINKEDIN, X, FACEBOOK, INSTAGRAM, YOUTUBE, WHATSAPP;

    /**
     * The social platform with this payload code, or {@code null} when it is no platform we offer.
     * Whether a connector publishes there is the connectors' to say ({@link SocialPlatform#hasConnector()}).
     */
    public static Target socialPlatform(String code) {
        SocialPlatform platform = SocialPlatform.fromCode(code);
        return platform == null ? null : valueOf(platform.name());
    }
}
