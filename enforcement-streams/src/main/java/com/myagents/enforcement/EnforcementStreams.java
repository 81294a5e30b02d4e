package com.myagents.enforcement;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.streams.StreamThreadFailures;

/**
 * The running enforcement application: creates missing topics, then starts Kafka Streams; stops it
 * with the context. State is never wiped on start (no {@code cleanUp()}): the local stores and
 * their changelogs are what remembers decided requests and used approvals.
 */
public class EnforcementStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EnforcementStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** A broker outage kills a thread at most once per producer max.block.ms (60 s by default). */
    private static final int MAX_THREAD_REPLACEMENTS = 10;
    private static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private final EnforcementStreamsConfig config;
    private final Topology topology;
    private volatile KafkaStreams streams;
    private volatile MeterRegistry registry;
    private KafkaStreamsMetrics metrics;

    public EnforcementStreams(EnforcementStreamsConfig config, Topology topology) {
        this.config = config;
        this.topology = topology;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        TopicProvisioner.ensureTopics(config.bootstrapServers(), config.security(), config.replicationFactor());
        KafkaStreams created = new KafkaStreams(topology, config.properties());
        // Fail closed: only a thread the broker killed is replaced (it re-reads what it had not committed,
        // it skips nothing); a failure to decide stops the client, and so does a broker away for too long.
        created.setUncaughtExceptionHandler(new StreamThreadFailures(EnforcementApplication.NAME, true,
                MAX_THREAD_REPLACEMENTS, REPLACEMENT_WINDOW, Clock.systemUTC()));
        if (registry != null) {
            metrics = new KafkaStreamsMetrics(created);
            metrics.bindTo(registry);
        }
        created.start();
        streams = created;
        log.info("enforcement streams started ({} on {})", EnforcementStreamsConfig.APPLICATION_ID, config.bootstrapServers());
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        if (running == null) {
            return;
        }
        // Stays in the group as a static member: a restart within the session timeout takes its partitions straight back.
        running.close(CLOSE_TIMEOUT);
        closeMetrics();
        streams = null;
        log.info("enforcement streams stopped");
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

    /** The Kafka Streams state, {@code NOT_RUNNING} before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }
}
