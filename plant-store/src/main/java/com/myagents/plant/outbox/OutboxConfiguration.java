package com.myagents.plant.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For services that write Plant rows (ingest-api): {@code @Import} this to get an
 * {@link OutboxWriter}. It starts no relay, no materializer and runs no migration; plant-store
 * owns those.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    public OutboxWriter outboxWriter() {
        return new OutboxWriter();
    }
}
