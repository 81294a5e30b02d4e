package com.myagents.goals.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.myagents.goals.topology.GoalRunnerStreamsConfig;

/**
 * {@code myagents.goal-runner.*}.
 *
 * @param stateDir            local state (RocksDB, checkpoints): {@code <myagents.data-dir>/streams/goal-runner}
 * @param punctuationInterval how often, by the wall clock, the scheduler looks for due goals
 * @param commitInterval      exactly-once output is visible at commit, so this bounds latency
 * @param replicationFactor   of the internal topics, and of the shared topics created at start
 * @param persistentStores    RocksDB (true) or in-memory stores; changelog-backed either way
 * @param contentGenerator    which {@link com.myagents.goals.marketing.ContentGenerator} writes
 *                            marketing posts; only {@code template} (deterministic) exists
 * @param streams             further Kafka Streams settings, passed through as they are (e.g.
 *                            {@code consumer.session.timeout.ms}); they cannot override the processing guarantee
 */
@ConfigurationProperties("myagents.goal-runner")
public record GoalRunnerProperties(
        @DefaultValue(GoalRunnerStreamsConfig.APPLICATION_ID) String applicationId,
        @DefaultValue("./.myagents-data/streams/goal-runner") Path stateDir,
        @DefaultValue("10s") Duration punctuationInterval,
        @DefaultValue("20ms") Duration commitInterval,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("true") boolean persistentStores,
        @DefaultValue("template") String contentGenerator,
        @DefaultValue("30s") Duration closeTimeout,
        Map<String, String> streams) {

    public GoalRunnerProperties {
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }
}
