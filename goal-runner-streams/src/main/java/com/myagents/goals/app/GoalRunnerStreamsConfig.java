package com.myagents.goals.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * The Kafka Streams configuration of the goal runner, in one place: exactly_once_v2 (a trigger,
 * its idempotency mark and its drafts commit together), a short commit interval (output becomes
 * visible to read_committed consumers only at commit), a poison record is logged and skipped
 * rather than stopping every goal.
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
        Properties props = new Properties();
        props.putAll(overrides);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(replicationFactor));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        return props;
    }
}
