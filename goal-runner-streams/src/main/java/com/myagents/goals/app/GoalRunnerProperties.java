package com.myagents.goals.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.myagents.streams.StoreKind;

/**
 * {@code myagents.goal-runner.*}.
 *
 * @param stateDir            local state (RocksDB, checkpoints): {@code <myagents.data-dir>/streams/goal-runner}
 * @param punctuationInterval how often, by the wall clock, the scheduler looks for due goals
 * @param commitInterval      exactly-once output is visible at commit, so this bounds latency
 * @param replicationFactor   of the internal topics, and of the shared topics created at start
 * @param stores              {@code PERSISTENT} (RocksDB) or {@code IN_MEMORY}; changelog-backed either way
 * @param contentGenerator    which {@link com.myagents.goals.marketing.ContentGenerator} writes
 *                            marketing posts: {@code template} (deterministic, the default) or {@code ai}
 * @param ai                  the OpenAI-compatible chat-completions service of the {@code ai} generator
 * @param streams             further Kafka Streams settings, passed through as they are (e.g.
 *                            {@code consumer.session.timeout.ms}); they cannot override the processing guarantee
 */
@ConfigurationProperties("myagents.goal-runner")
public record GoalRunnerProperties(
        @DefaultValue(GoalRunnerStreamsConfig.APPLICATION_ID) String applicationId,
        @DefaultValue("./.myagents-data/streams/goal-runner") Path stateDir,
        @DefaultValue("1s") Duration punctuationInterval,
        @DefaultValue("20ms") Duration commitInterval,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("PERSISTENT") StoreKind stores,
        @DefaultValue("template") String contentGenerator,
        @DefaultValue("30s") Duration closeTimeout,
        Map<String, String> streams,
        @DefaultValue Ai ai) {

    public GoalRunnerProperties {
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }

    /**
     * {@code myagents.goal-runner.ai.*}: where the model is ({@code base-url}, e.g.
     * {@code https://api.openai.com/v1}), which one, its key, how long to wait before the template
     * writes the post instead, and the price of a million tokens in paise (prompt, completion).
     */
    public record Ai(
            @DefaultValue("https://api.openai.com/v1") java.net.URI baseUrl,
            @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("") String apiKey,
            @DefaultValue("20s") Duration timeout,
            @DefaultValue("1300") long promptPerMillionMinor,
            @DefaultValue("5200") long completionPerMillionMinor) {
    }
}
