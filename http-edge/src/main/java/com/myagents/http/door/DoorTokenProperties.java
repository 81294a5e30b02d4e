package com.myagents.http.door;

import java.security.SecureRandom;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.myagents.http.identity.Keys;

/**
 * The door's bearer tokens ({@code myagents.tokens.*}). {@code key} is base64 (at least 32 bytes);
 * when it is blank a random key is made at start, so tokens do not outlive the process (fine for
 * one local instance only).
 */
@ConfigurationProperties("myagents.tokens")
public record DoorTokenProperties(String key, @DefaultValue("8h") Duration ttl) {

    private static final Logger log = LoggerFactory.getLogger(DoorTokenProperties.class);

    public DoorTokenProperties {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("myagents.tokens.ttl must be positive");
        }
    }

    /** The configured key, or one made for this run (said in a warning: tokens die with the process). */
    byte[] keyFor(Door door) {
        if (key != null && !key.isBlank()) {
            return Keys.decode(key.strip());
        }
        log.warn("myagents.tokens.key is not set: {} tokens are signed with a key made for this run "
                + "and stop working when it ends", door.name());
        byte[] made = new byte[32];
        new SecureRandom().nextBytes(made);
        return made;
    }

    @Override
    public String toString() {
        return "DoorTokenProperties[key=" + (key == null || key.isBlank() ? "none" : "set") + ", ttl=" + ttl + "]";
    }
}
