package com.myagents.goals.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.streams.StreamsDefaults;

/**
 * The Kafka Streams configuration of the goal runner, in one place: the system's
 * {@link StreamsDefaults} (exactly_once_v2 — a trigger, its idempotency mark and its drafts commit
 * together —, a short commit interval, a poison record logged and skipped rather than stopping
 * every goal), one stream thread, and a new group reading from the earliest offset.
 */
public final class GoalRunnerStreamsConfig {

    public static final String APPLICATION_ID = "myagents-goal-runner";

    private GoalRunnerStreamsConfig() {
    }

    public static Properties properties(String applicationId, String bootstrapServers, Path stateDir,
            Duration commitInterval, int replicationFactor) {
        return properties(applicationId, bootstrapServers, stateDir, commitInterval, replicationFactor, Map.of());
    }

    /** @param overrides further settings (session timeouts, buffers); never the processing guarantee */
    public static Properties properties(String applicationId, String bootstrapServers, Path stateDir,
            Duration commitInterval, int replicationFactor, Map<String, String> overrides) {
        return properties(applicationId, bootstrapServers, stateDir, commitInterval, replicationFactor, overrides,
                KafkaClientSecurity.none());
    }

    /** @param security who every client of the app authenticates as */
    public static Properties properties(String applicationId, String bootstrapServers, Path stateDir,
            Duration commitInterval, int replicationFactor, Map<String, String> overrides, KafkaClientSecurity security) {
        return StreamsDefaults.forApplication(applicationId, bootstrapServers)
                .stateDir(stateDir)
                .commitInterval(commitInterval)
                .replicationFactor(replicationFactor)
                .streamThreads(1)
                .pin(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest")
                .security(security)
                .overrides(overrides)
                .properties();
    }
}
