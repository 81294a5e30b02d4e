package com.myagents.goals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.myagents.goals.marketing.TemplateContentGenerator;
import com.myagents.streams.DeadThreadPolicy;
import com.myagents.streams.KafkaBootstrap;
import com.myagents.streams.ManagedStreams;
import com.myagents.streams.StreamsProbes;
import com.myagents.streams.StoreKind;

class GoalRunnerWiringTest {

    static GoalRunnerProperties properties(String generator, Map<String, String> streams) {
        return new GoalRunnerProperties("myagents-goal-runner", Path.of("target/state"), Duration.ofSeconds(10),
                Duration.ofMillis(20), (short) 1, StoreKind.IN_MEMORY, generator, Duration.ofSeconds(5), streams,
                new GoalRunnerProperties.Ai(java.net.URI.create("http://127.0.0.1:1/v1"), "m", "", Duration.ofSeconds(1),
                        1000, 4000));
    }

    @Test
    void theDeterministicTemplateGeneratorIsTheDefaultAndOnlyTheAiOneCanBeSwitchedOn() {
        GoalRunnerWiring wiring = new GoalRunnerWiring();

        assertThat(wiring.contentGenerator(properties("template", null))).isInstanceOf(TemplateContentGenerator.class);
        assertThat(wiring.contentGenerator(properties("ai", null)))
                .isInstanceOf(com.myagents.goals.marketing.ai.AiContentGenerator.class);
        assertThatThrownBy(() -> wiring.contentGenerator(properties("llm", null)))
                .hasMessageContaining("content-generator=llm").hasMessageContaining("template");
    }

    @Test
    void streamsRunExactlyOnceWithTheConfiguredCommitIntervalAndOverridesCannotWeakenThat() {
        Properties config = GoalRunnerStreamsConfig.properties("myagents-goal-runner", "localhost:9092", Path.of("state"),
                Duration.ofMillis(20), 3, Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE,
                        "consumer.session.timeout.ms", "6000"));

        assertThat(config).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "myagents-goal-runner")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "20")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, "3")
                .containsEntry("consumer.session.timeout.ms", "6000");
        assertThat((String) config.get(StreamsConfig.STATE_DIR_CONFIG)).endsWith("state");
    }

    @Test
    void healthIsDownWhileTheStreamsDoNotRun() {
        GoalRunnerWiring wiring = new GoalRunnerWiring();
        GoalRunnerProperties properties = properties("template", null);
        ManagedStreams streams = wiring.goalRunnerStreams(
                wiring.goalRunnerTopology(properties, wiring.marketingPlanner(wiring.contentGenerator(properties)),
                        wiring.tradingPlanner()),
                properties, new KafkaBootstrap("localhost:1"), new org.springframework.core.env.StandardEnvironment());

        var health = new StreamsProbes().streamsHealthIndicator(streams).health();

        assertThat(streams.isRunning()).isFalse();
        assertThat(streams.deadThreadPolicy()).as("a goal runner replaces failed threads, boundedly")
                .isEqualTo(DeadThreadPolicy.BOUNDED_REPLACEMENT);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "NOT_RUNNING").containsEntry("active_tasks", 0);
        streams.stop();
    }
}
