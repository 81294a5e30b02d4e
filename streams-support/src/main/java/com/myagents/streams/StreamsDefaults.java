package com.myagents.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import com.myagents.contracts.security.KafkaClientSecurity;

/**
 * The Kafka Streams settings every stream app of the system runs with, in one place:
 * exactly_once_v2 (a record's state changes and outputs commit together), a commit interval that
 * bounds latency (read_committed consumers see output only at commit), {@code acks=all}, and a
 * poison record logged and skipped rather than stopping every key. An app adds what is its own
 * (state directory, replication factor, static membership, pinned settings, tuned defaults); further
 * settings from its configuration are passed through, and change a tuned default, but never
 * override anything else set here.
 */
public final class StreamsDefaults {

    private final String applicationId;
    private final String bootstrapServers;
    private Path stateDir;
    private Duration commitInterval = Duration.ofMillis(100);
    private int replicationFactor = 1;
    private KafkaClientSecurity security = KafkaClientSecurity.none();
    private Map<String, String> overrides = Map.of();
    private final Map<String, String> pinned = new LinkedHashMap<>();
    private final Map<String, String> tuned = new LinkedHashMap<>();

    private StreamsDefaults(String applicationId, String bootstrapServers) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    public static StreamsDefaults forApplication(String applicationId, String bootstrapServers) {
        return new StreamsDefaults(applicationId, bootstrapServers);
    }

    /** Local state (RocksDB, checkpoints); Kafka Streams' temporary default when not set. */
    public StreamsDefaults stateDir(Path dir) {
        this.stateDir = dir;
        return this;
    }

    public StreamsDefaults commitInterval(Duration interval) {
        this.commitInterval = interval;
        return this;
    }

    /** Of the internal changelog and repartition topics. */
    public StreamsDefaults replicationFactor(int factor) {
        this.replicationFactor = factor;
        return this;
    }

    /** The principal every client of the app (consumers, producers, admin) authenticates as. */
    public StreamsDefaults security(KafkaClientSecurity clientSecurity) {
        this.security = clientSecurity == null ? KafkaClientSecurity.none() : clientSecurity;
        return this;
    }

    /**
     * Static group membership: a restarted instance takes its partitions back at once. Kafka
     * Streams appends the thread index, so each stream thread is its own static member. Null: dynamic.
     */
    public StreamsDefaults staticMember(String instanceId) {
        return instanceId == null ? this
                : pin(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    }

    /** How many stream threads, fixed: the configuration's pass-through settings cannot change it. */
    public StreamsDefaults streamThreads(int threads) {
        return pin(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
    }

    /** A setting of this app's own that the pass-through settings cannot change. */
    public StreamsDefaults pin(String key, String value) {
        pinned.put(key, value);
        return this;
    }

    /**
     * A setting of this app's own that its configuration's pass-through settings may still change
     * (a producer's batching, say: measured for this app, but a deployment may know better).
     */
    public StreamsDefaults tune(String key, String value) {
        tuned.put(key, value);
        return this;
    }

    /** Further settings from the app's configuration (session timeouts, buffers), passed through. */
    public StreamsDefaults overrides(Map<String, String> settings) {
        this.overrides = settings == null ? Map.of() : Map.copyOf(settings);
        return this;
    }

    public Properties properties() {
        Properties props = new Properties();
        props.putAll(tuned);
        props.putAll(overrides);
        security.applyTo(props);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().normalize().toString());
        }
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(replicationFactor));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.putAll(pinned);
        return props;
    }
}
