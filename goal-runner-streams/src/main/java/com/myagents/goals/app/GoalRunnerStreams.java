package com.myagents.goals.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.contracts.streams.StreamThreadFailures;

/**
 * The running Kafka Streams instance of the goal runner, started with the Spring context (after
 * the shared topics exist) and closed with it. A failed stream thread is replaced (it re-reads
 * what it had not committed), a bounded number of times: past that the client stops and its
 * health goes DOWN rather than replacing threads forever.
 */
public final class GoalRunnerStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GoalRunnerStreams.class);
    private static final int MAX_THREAD_REPLACEMENTS = 10;
    private static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private final Topology topology;
    private final Properties config;
    private final GoalRunnerProperties properties;
    private final String bootstrapServers;
    private final KafkaClientSecurity security;
    private volatile KafkaStreams streams;
    private volatile MeterRegistry registry;
    private KafkaStreamsMetrics metrics;

    public GoalRunnerStreams(Topology topology, Properties config, GoalRunnerProperties properties,
            String bootstrapServers) {
        this(topology, config, properties, bootstrapServers, KafkaClientSecurity.none());
    }

    /** @param security who every client authenticates as; applied to {@code config} as well */
    public GoalRunnerStreams(Topology topology, Properties config, GoalRunnerProperties properties,
            String bootstrapServers, KafkaClientSecurity security) {
        this.topology = topology;
        this.config = security.applyTo(config);
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        TopicProvisioner.ensureTopics(bootstrapServers, security, properties.replicationFactor());
        KafkaStreams created = new KafkaStreams(topology, config);
        created.setUncaughtExceptionHandler(new StreamThreadFailures("goal-runner-streams", false,
                MAX_THREAD_REPLACEMENTS, REPLACEMENT_WINDOW, Clock.systemUTC()));
        if (registry != null) {
            metrics = new KafkaStreamsMetrics(created);
            metrics.bindTo(registry);
        }
        created.start();
        streams = created;
        log.info("goal-runner streams {} started against {}", properties.applicationId(), bootstrapServers);
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            // leave the group so a restarted or surviving instance takes the partitions at once
            streams.close(new KafkaStreams.CloseOptions().timeout(properties.closeTimeout()).leaveGroup(true));
            closeMetrics();
            streams = null;
        }
    }

    /** Kafka Streams' own metrics (threads, tasks, stores, its clients) go to this registry from the next start on. */
    public void bindMetricsTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    private void closeMetrics() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** How many tasks (partitions of a sub-topology) this instance processes now; 0 when stopped. */
    public int activeTaskCount() {
        KafkaStreams current = streams;
        return current == null ? 0
                : current.metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum();
    }

    /** The current state, {@link KafkaStreams.State#NOT_RUNNING} when stopped. */
    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
    }
}
