package com.myagents.cp.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer bearer tokens. {@code key} is base64 (at least 32 bytes); when it is blank a random key
 * is made at start, so tokens do not outlive the process (fine for one local instance only).
 */
@ConfigurationProperties("myagents.tokens")
public record TokenProperties(String key, @DefaultValue("8h") Duration ttl) {
}
