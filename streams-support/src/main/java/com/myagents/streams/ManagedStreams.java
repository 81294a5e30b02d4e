package com.myagents.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.security.KafkaClientSecurity;

/**
 * One running Kafka Streams app, started and stopped with the Spring context: on start it creates
 * the shared topics that are missing, installs its {@link DeadThreadPolicy} and starts; on stop it
 * closes as its {@link Exit} says. State is never wiped on start (no {@code cleanUp()}): the local
 * stores and their changelogs are what the app remembers.
 */
public final class ManagedStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManagedStreams.class);

    /**
     * How the app leaves on stop.
     *
     * @param leaveGroup a static member stays in its group, so a restart within the session timeout
     *                   takes its partitions straight back; a dynamic one leaves, so a surviving
     *                   instance takes them at once
     */
    public record Exit(Duration timeout, boolean leaveGroup) {

        public static Exit stayInGroup(Duration timeout) {
            return new Exit(timeout, false);
        }

        public static Exit leaveGroup(Duration timeout) {
            return new Exit(timeout, true);
        }
    }

    /**
     * Which topics to create at start: every topic of the registry, with this replication factor,
     * as {@code security}'s principal.
     */
    public record TopicProvisioning(String bootstrapServers, KafkaClientSecurity security, short replicationFactor) {
    }

    private final String name;
    private final Topology topology;
    private final Properties config;
    private final TopicProvisioning topics;
    private final DeadThreadPolicy deadThreads;
    private final Exit exit;
    private final Clock clock;
    private volatile KafkaStreams streams;
    private volatile MeterRegistry registry;
    private KafkaStreamsMetrics metrics;

    public ManagedStreams(String name, Topology topology, Properties config, TopicProvisioning topics,
            DeadThreadPolicy deadThreads, Exit exit) {
        this(name, topology, config, topics, deadThreads, exit, Clock.systemUTC());
    }

    ManagedStreams(String name, Topology topology, Properties config, TopicProvisioning topics,
            DeadThreadPolicy deadThreads, Exit exit, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.config = Objects.requireNonNull(config, "config");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.deadThreads = Objects.requireNonNull(deadThreads, "deadThreads");
        this.exit = Objects.requireNonNull(exit, "exit");
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        TopicProvisioner.ensureTopics(topics.bootstrapServers(), topics.security(), topics.replicationFactor());
        KafkaStreams created = new KafkaStreams(topology, config);
        StreamThreadFailures failures = deadThreads.handler(name, clock);
        StaticMemberEviction eviction = StaticMemberEviction.of(name, config,
                topics.security().applyTo(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers())));
        created.setUncaughtExceptionHandler(error -> {
            StreamThreadExceptionResponse response = failures.handle(error);
            if (response == StreamThreadExceptionResponse.REPLACE_THREAD && eviction != null) {
                // the replacement joins as a new static member; the dead one must not hold the group up
                eviction.evictAfter(Thread.currentThread());
            }
            return response;
        });
        if (registry != null) {
            metrics = new KafkaStreamsMetrics(created);
            metrics.bindTo(registry);
        }
        created.start();
        streams = created;
        log.info("{} streams started ({}, dead threads: {}) against {}", name,
                config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), deadThreads,
                topics.bootstrapServers());
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        if (running == null) {
            return;
        }
        if (exit.leaveGroup()) {
            running.close(new KafkaStreams.CloseOptions().timeout(exit.timeout()).leaveGroup(true));
        } else {
            running.close(exit.timeout());
        }
        closeMetrics();
        streams = null;
        log.info("{} streams stopped", name);
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

    public String name() {
        return name;
    }

    public DeadThreadPolicy deadThreadPolicy() {
        return deadThreads;
    }

    /** The Kafka Streams state, {@code NOT_RUNNING} before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }

    /** How many tasks (partitions of a sub-topology) this instance processes now; 0 when stopped. */
    public int activeTaskCount() {
        KafkaStreams running = streams;
        return running == null ? 0
                : running.metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum();
    }
}
