package com.myagents.streams;

import java.util.EnumSet;
import java.util.Set;

import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of a {@link ManagedStreams}, for one of the two probes:
 * <ul>
 * <li>{@link Probe#READINESS}: UP only while Kafka Streams is RUNNING; rebalancing or restoring its
 * stores it processes nothing yet (DOWN, so the probe answers 503);
 * <li>{@link Probe#LIVENESS}: UP unless Kafka Streams has stopped or failed for good (then an
 * orchestrator should restart it); a rebalance is not a reason to restart.
 * </ul>
 * Details: the state and the number of active tasks.
 */
public record StreamsHealth(ManagedStreams streams, Probe probe) implements HealthIndicator {

    public enum Probe {
        READINESS(EnumSet.of(State.RUNNING)),
        LIVENESS(EnumSet.of(State.CREATED, State.REBALANCING, State.RUNNING));

        private final Set<State> upIn;

        Probe(Set<State> upIn) {
            this.upIn = upIn;
        }
    }

    public static StreamsHealth readiness(ManagedStreams streams) {
        return new StreamsHealth(streams, Probe.READINESS);
    }

    public static StreamsHealth liveness(ManagedStreams streams) {
        return new StreamsHealth(streams, Probe.LIVENESS);
    }

    @Override
    public Health health() {
        State state = streams.state();
        return (probe.upIn.contains(state) ? Health.up() : Health.down())
                .withDetail("state", state.name())
                .withDetail("active_tasks", streams.activeTaskCount())
                .build();
    }
}
