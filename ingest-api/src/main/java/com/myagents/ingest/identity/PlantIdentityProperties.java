package com.myagents.ingest.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code myagents.plant.identity-key}: base64, shared with the gateway; verifies the identity it signs. Required. */
@ConfigurationProperties("myagents.plant")
public record PlantIdentityProperties(String identityKey) {

    public PlantIdentityProperties {
        if (identityKey == null || identityKey.isBlank()) {
            throw new IllegalArgumentException("myagents.plant.identity-key is required: the gateway's identity key");
        }
    }

    @Override
    public String toString() {
        return "PlantIdentityProperties[identityKey=set]";
    }
}
