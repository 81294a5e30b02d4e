package com.myagents.enforcement.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.streams.StoreKind;
import com.myagents.streams.StreamsDefaults;

/**
 * The Kafka Streams configuration of the enforcement application, in one place: the system's
 * {@link StreamsDefaults} and what is enforcement's own.
 *
 * @param stateDir          local state (RocksDB, checkpoints): {@code <myagents.data-dir>/streams/enforcement}
 * @param commitInterval    with exactly-once a decision becomes visible at commit, so this bounds
 *                          decision latency (20 ms gave p50 ≈ 33 ms on a 2-core machine)
 * @param replicationFactor of the internal changelog and repartition topics, and of topics created at start
 * @param instanceId        static group membership id ({@code myagents.enforcement.instance-id}, else one
 *                          kept in the state directory), or null for dynamic membership
 * @param streams           further Kafka Streams settings ({@code myagents.enforcement.streams.*}, e.g.
 *                          {@code producer.max.block.ms}), passed through; they can change the producer's
 *                          batching ({@code producer.linger.ms}, {@code producer.batch.size}) but not the
 *                          processing guarantee or anything else set here
 * @param security          the principal every client of the app authenticates as ({@code myagents.kafka.*}),
 *                          or none
 */
public record EnforcementStreamsConfig(String bootstrapServers, Path stateDir, Duration commitInterval,
        short replicationFactor, StoreKind stores, String instanceId, Map<String, String> streams,
        KafkaClientSecurity security) {

    public static final String APPLICATION_ID = "myagents-enforcement";

    /**
     * The producer ships what it has every 5 ms instead of Kafka Streams' 100 ms: with exactly-once the
     * commit must flush every record of the transaction, and with a 100 ms linger they all left at that
     * flush, so the stream thread waited for a whole interval's records to be written. Sent while the
     * thread goes on deciding, they are mostly acknowledged by the commit (bench/RESULTS.md, issue 17
     * after lever 1: the flush went from 15–22 % to 9–13 % of the saturated thread's time).
     */
    static final String PRODUCER_LINGER_MS = "5";
    /** Batches of up to 256 KiB (default 16 KiB: eight decisions), so a partition's records go in few requests. */
    static final String PRODUCER_BATCH_BYTES = Integer.toString(256 * 1024);

    public EnforcementStreamsConfig {
        streams = streams == null ? Map.of() : Map.copyOf(streams);
        security = security == null ? KafkaClientSecurity.none() : security;
    }

    public EnforcementStreamsConfig(String bootstrapServers, Path stateDir, Duration commitInterval,
            short replicationFactor, StoreKind stores, String instanceId, Map<String, String> streams) {
        this(bootstrapServers, stateDir, commitInterval, replicationFactor, stores, instanceId, streams,
                KafkaClientSecurity.none());
    }

    public EnforcementStreamsConfig(String bootstrapServers, Path stateDir, Duration commitInterval,
            short replicationFactor, StoreKind stores, String instanceId) {
        this(bootstrapServers, stateDir, commitInterval, replicationFactor, stores, instanceId, Map.of());
    }

    /** From {@code spring.kafka.bootstrap-servers}, {@code myagents.data-dir}, {@code myagents.kafka.*} and {@link EnforcementProperties}. */
    public static EnforcementStreamsConfig from(Environment env) {
        return from(env, Binder.get(env).bindOrCreate("myagents.enforcement", EnforcementProperties.class));
    }

    static EnforcementStreamsConfig from(PropertyResolver env, EnforcementProperties enforcement) {
        Path stateDir = Path.of(env.getProperty("myagents.data-dir", "./.myagents-data"), "streams", "enforcement");
        String instanceId = enforcement.instanceId();
        return new EnforcementStreamsConfig(
                env.getRequiredProperty("spring.kafka.bootstrap-servers"),
                stateDir,
                Duration.ofMillis(enforcement.commitIntervalMs()),
                enforcement.replicationFactor(),
                enforcement.stores(),
                instanceId == null || instanceId.isBlank() ? InstanceId.persistedIn(stateDir) : instanceId,
                enforcement.streams(),
                KafkaClientSecurity.from(env::getProperty));
    }

    /** The system's {@link StreamsDefaults}, as a static member when an instance id is set. */
    public Properties properties() {
        return StreamsDefaults.forApplication(APPLICATION_ID, bootstrapServers)
                .stateDir(stateDir)
                .commitInterval(commitInterval)
                .replicationFactor(replicationFactor)
                .staticMember(instanceId)
                .security(security)
                .tune(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), PRODUCER_LINGER_MS)
                .tune(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES)
                .overrides(streams)
                .properties();
    }
}
