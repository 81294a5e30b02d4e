package com.myagents.streams;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The probes of a stream app's one {@link ManagedStreams}, the same in every stream app: its health
 * groups list {@code streams} (readiness) and {@code streamsAlive} (liveness). Import it beside the
 * app's wiring.
 */
@Configuration(proxyBeanMethods = false)
public class StreamsProbes {

    /** Readiness: UP only while Kafka Streams is RUNNING (rebalancing or restoring it processes nothing yet). */
    @Bean
    public HealthIndicator streamsHealthIndicator(ManagedStreams streams) {
        return StreamsHealth.readiness(streams);
    }

    /** Liveness: DOWN only once Kafka Streams has stopped or failed for good, for an orchestrator to restart it. */
    @Bean
    public HealthIndicator streamsAliveHealthIndicator(ManagedStreams streams) {
        return StreamsHealth.liveness(streams);
    }

    /** Kafka Streams' own metrics (process rates, commit latency, lag, restoration) beside the service's. */
    @Bean
    public MeterBinder streamsMetrics(ManagedStreams streams) {
        return streams::bindMetricsTo;
    }
}
