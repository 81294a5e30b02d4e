package com.myagents.gateway.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway sends its access records ({@code myagents.gateway.access-records.*}): a blank
 * {@code bootstrapServers} logs them instead; {@code queueCapacity} records wait at most for the broker.
 */
@ConfigurationProperties("myagents.gateway.access-records")
public record AccessRecordsProperties(String bootstrapServers, @DefaultValue("10000") int queueCapacity) {

    public AccessRecordsProperties {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("myagents.gateway.access-records.queue-capacity must be positive");
        }
    }
}
