package com.myagents.enforcement;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.binder.MeterBinder;

import com.myagents.contracts.execution.signing.CommandSigner;

/** Configuration, topology and the running streams, put together. */
@Configuration(proxyBeanMethods = false)
class EnforcementWiring {

    @Bean
    EnforcementStreamsConfig enforcementStreamsConfig(Environment environment) {
        return EnforcementStreamsConfig.from(environment);
    }

    @Bean
    CommandSigner commandSigner(@Value("${myagents.enforcement.command-signing-key:}") String key) {
        return CommandSigner.fromBase64(key);
    }

    @Bean
    EnforcementStreams enforcementStreams(EnforcementStreamsConfig config, CommandSigner signer) {
        return new EnforcementStreams(config, EnforcementTopology.build(EnforcementSettings.of(signer, config.stores())));
    }

    /**
     * Ready (UP) only while Kafka Streams is RUNNING: rebalancing or restoring its stores it decides
     * nothing yet. In the readiness group; the liveness group has {@link #enforcementStreamsAliveHealthIndicator}.
     */
    @Bean
    HealthIndicator enforcementStreamsHealthIndicator(EnforcementStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.down()).withDetail("state", state.name()).build();
        };
    }

    /** Alive unless Kafka Streams has stopped or failed for good: then an orchestrator should restart it. */
    @Bean
    HealthIndicator enforcementStreamsAliveHealthIndicator(EnforcementStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            boolean alive = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                    || state == KafkaStreams.State.CREATED;
            return (alive ? Health.up() : Health.down()).withDetail("state", state.name()).build();
        };
    }

    /** Kafka Streams' own metrics (process rates, commit latency, lag, restoration) beside the service's. */
    @Bean
    MeterBinder enforcementStreamsMetrics(EnforcementStreams streams) {
        return streams::bindMetricsTo;
    }
}
