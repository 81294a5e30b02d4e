package com.myagents.enforcement;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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

    /** UP only while Kafka Streams runs or rebalances: a stopped or failed enforcement decides nothing. */
    @Bean
    HealthIndicator enforcementStreamsHealthIndicator(EnforcementStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            boolean deciding = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
            return (deciding ? Health.up() : Health.down()).withDetail("state", state.name()).build();
        };
    }
}
