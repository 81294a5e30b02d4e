package com.myagents.cp.vault;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The vault's keys, all base64. {@code masterKey} (32 bytes, AES-256) wraps every new data key under
 * the id {@code masterKeyId}; {@code previousKeys} (id -> key) keep older rows readable until they are
 * re-wrapped. {@code resolverKey} (HS256, at least 32 bytes) verifies the connectors' service tokens on
 * the internal resolve endpoint, which listens on {@code internalPort} only. There is no default key:
 * see {@link MasterKeys#load}.
 */
@ConfigurationProperties("myagents.vault")
public record VaultProperties(String masterKey, @DefaultValue("k1") String masterKeyId,
                              Map<String, String> previousKeys, @DefaultValue("false") boolean generateIfMissing,
                              String resolverKey, @DefaultValue("true") boolean rewrapOnStart,
                              @DefaultValue("8096") int internalPort) {

    public VaultProperties {
        previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
    }

    /** Keys stay out of logs and error messages. */
    @Override
    public String toString() {
        return "VaultProperties[masterKeyId=" + masterKeyId + ", previousKeyIds=" + previousKeys.keySet()
                + ", generateIfMissing=" + generateIfMissing + ", rewrapOnStart=" + rewrapOnStart
                + ", internalPort=" + internalPort + "]";
    }
}
