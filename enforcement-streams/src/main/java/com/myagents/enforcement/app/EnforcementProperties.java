package com.myagents.enforcement.app;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.myagents.streams.StoreKind;

/**
 * {@code myagents.enforcement.*}, bound and checked at start.
 *
 * @param commandSigningKey base64 of at least 32 random bytes; the connectors verify commands with it
 * @param commitIntervalMs  exactly-once makes a decision visible at commit, so this bounds its latency
 * @param instanceId        static group membership id; blank keeps one in the state directory
 * @param streams           further Kafka Streams settings, passed through (never the guarantee)
 */
@ConfigurationProperties("myagents.enforcement")
public record EnforcementProperties(String commandSigningKey, @DefaultValue("20") long commitIntervalMs,
        @DefaultValue("1") short replicationFactor, @DefaultValue("PERSISTENT") StoreKind stores, String instanceId,
        Map<String, String> streams) {

    public EnforcementProperties {
        if (commitIntervalMs < 1) {
            throw new IllegalArgumentException("myagents.enforcement.commit-interval-ms must be positive");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("myagents.enforcement.replication-factor must be at least 1");
        }
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }

    @Override
    public String toString() {
        return "EnforcementProperties[commitIntervalMs=" + commitIntervalMs + ", replicationFactor=" + replicationFactor
                + ", stores=" + stores + ", instanceId=" + instanceId + ", streams=" + streams.keySet() + "]";
    }
}
