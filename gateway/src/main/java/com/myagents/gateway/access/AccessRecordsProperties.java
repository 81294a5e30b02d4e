package com.myagents.gateway.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway sends its access records ({@code myagents.gateway.access-records.*}): a blank
 * {@code bootstrapServers} logs them instead; {@code queueCapacity} records wait at most for the broker;
 * the producer gathers the records of {@code linger} into one produce request.
 */
@ConfigurationProperties("myagents.gateway.access-records")
public record AccessRecordsProperties(String bootstrapServers, @DefaultValue("10000") int queueCapacity,
                                      @DefaultValue("100ms") Duration linger) {

    public AccessRecordsProperties {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("myagents.gateway.access-records.queue-capacity must be positive");
        }
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("myagents.gateway.access-records.linger must be between 0 and 5s");
        }
    }
}
