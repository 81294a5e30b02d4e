package com.myagents.goals.app;

import org.apache.kafka.streams.Topology;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.goals.GoalRunnerApplication;
import com.myagents.goals.marketing.ContentGenerator;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.marketing.TemplateContentGenerator;
import com.myagents.goals.marketing.ai.AiContentGenerator;
import com.myagents.goals.marketing.ai.ChatCompletions;
import com.myagents.goals.topology.GoalRunnerTopology;
import com.myagents.goals.topology.TopologySettings;
import com.myagents.goals.trading.TradingPlanner;
import com.myagents.streams.DeadThreadPolicy;
import com.myagents.streams.ManagedStreams;
import com.myagents.streams.KafkaBootstrap;
import com.myagents.streams.StreamsProbes;

/** Configuration, planners, topology and the running streams, put together; its probes and metrics are {@link StreamsProbes}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GoalRunnerProperties.class, KafkaBootstrap.class})
@Import(StreamsProbes.class)
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
        return GoalRunnerTopology.build(TopologySettings.of(properties.punctuationInterval(), properties.stores()),
                marketingPlanner, tradingPlanner);
    }

    /**
     * A failed stream thread is replaced (it re-reads what it had not committed), a bounded number
     * of times: past that the client stops and its health goes DOWN rather than replacing threads
     * forever. On stop it leaves the group, so a surviving instance takes its partitions at once.
     */
    @Bean
    ManagedStreams goalRunnerStreams(Topology goalRunnerTopology, GoalRunnerProperties properties,
            KafkaBootstrap kafka, Environment env) {
        String bootstrapServers = kafka.bootstrapServers();
        KafkaClientSecurity security = KafkaClientSecurity.from(env::getProperty);
        return new ManagedStreams(GoalRunnerApplication.NAME, goalRunnerTopology,
                GoalRunnerStreamsConfig.properties(properties.applicationId(), bootstrapServers, properties.stateDir(),
                        properties.commitInterval(), properties.replicationFactor(), properties.streams(), security),
                new ManagedStreams.TopicProvisioning(bootstrapServers, security, properties.replicationFactor()),
                DeadThreadPolicy.BOUNDED_REPLACEMENT, ManagedStreams.Exit.leaveGroup(properties.closeTimeout()));
    }
}
