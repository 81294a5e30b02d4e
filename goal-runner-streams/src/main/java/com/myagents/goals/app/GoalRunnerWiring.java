package com.myagents.goals.app;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.myagents.contracts.security.KafkaClientSecurity;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.myagents.goals.marketing.ContentGenerator;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.marketing.TemplateContentGenerator;
import com.myagents.goals.marketing.ai.AiContentGenerator;
import com.myagents.goals.marketing.ai.ChatCompletions;
import com.myagents.goals.topology.GoalRunnerStreamsConfig;
import com.myagents.goals.topology.GoalRunnerTopology;
import com.myagents.goals.topology.TopologySettings;
import com.myagents.goals.trading.TradingPlanner;

/** Configuration, planners, topology and the running streams, put together. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GoalRunnerProperties.class)
class GoalRunnerWiring {

    static final String TEMPLATE_GENERATOR = "template";
    static final String AI_GENERATOR = "ai";

    /** The template (default), or the model-backed generator that falls back to it. */
    @Bean
    ContentGenerator contentGenerator(GoalRunnerProperties properties) {
        if (AI_GENERATOR.equals(properties.contentGenerator())) {
            GoalRunnerProperties.Ai ai = properties.ai();
            return new AiContentGenerator(new ChatCompletions(ai.baseUrl(), ai.model(), ai.apiKey(), ai.timeout()),
                    new TemplateContentGenerator(),
                    new AiContentGenerator.TokenPrices(ai.promptPerMillionMinor(), ai.completionPerMillionMinor()));
        }
        if (!TEMPLATE_GENERATOR.equals(properties.contentGenerator())) {
            throw new IllegalStateException("myagents.goal-runner.content-generator=" + properties.contentGenerator()
                    + " is not available; use '" + TEMPLATE_GENERATOR + "' or '" + AI_GENERATOR + "'");
        }
        return new TemplateContentGenerator();
    }

    @Bean
    MarketingPlanner marketingPlanner(ContentGenerator contentGenerator) {
        return new MarketingPlanner(contentGenerator);
    }

    /** Deliberately without parameters: trading is deterministic and never sees a content generator. */
    @Bean
    TradingPlanner tradingPlanner() {
        return new TradingPlanner();
    }

    @Bean
    Topology goalRunnerTopology(GoalRunnerProperties properties, MarketingPlanner marketingPlanner,
            TradingPlanner tradingPlanner) {
        TopologySettings settings = properties.persistentStores()
                ? TopologySettings.production(properties.punctuationInterval())
                : TopologySettings.inMemory(properties.punctuationInterval());
        return GoalRunnerTopology.build(settings, marketingPlanner, tradingPlanner);
    }

    @Bean
    GoalRunnerStreams goalRunnerStreams(Topology goalRunnerTopology, GoalRunnerProperties properties,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, Environment env) {
        return new GoalRunnerStreams(goalRunnerTopology, GoalRunnerStreamsConfig.properties(properties.applicationId(),
                bootstrapServers, properties.stateDir(), properties.commitInterval(), properties.replicationFactor(),
                properties.streams()),
                properties, bootstrapServers, KafkaClientSecurity.from(env::getProperty));
    }

    /**
     * Ready (UP) only while Kafka Streams is RUNNING: rebalancing or restoring its stores it
     * schedules nothing yet. In the readiness group; the liveness group has {@link #goalRunnerStreamsAliveHealthIndicator}.
     */
    @Bean
    HealthIndicator goalRunnerStreamsHealthIndicator(GoalRunnerStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.down()).withDetail("state", state.name())
                    .withDetail("active_tasks", streams.activeTaskCount()).build();
        };
    }

    /** Alive unless Kafka Streams has stopped or failed for good: then an orchestrator should restart it. */
    @Bean
    HealthIndicator goalRunnerStreamsAliveHealthIndicator(GoalRunnerStreams streams) {
        return () -> {
            KafkaStreams.State state = streams.state();
            boolean alive = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                    || state == KafkaStreams.State.CREATED;
            return (alive ? Health.up() : Health.down()).withDetail("state", state.name()).build();
        };
    }

    /** Kafka Streams' own metrics (process rates, commit latency, lag, restoration) beside the service's. */
    @Bean
    MeterBinder goalRunnerStreamsMetrics(GoalRunnerStreams streams) {
        return streams::bindMetricsTo;
    }
}
