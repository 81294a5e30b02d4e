package com.myagents.streams;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code spring.kafka.bootstrap-servers}: the brokers a stream app connects to. Required: a stream
 * app without a broker has nothing to do, so it does not start.
 */
@ConfigurationProperties("spring.kafka")
public record KafkaBootstrap(String bootstrapServers) {

    public KafkaBootstrap {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("spring.kafka.bootstrap-servers is not set: name the Kafka brokers to connect to");
        }
    }
}
