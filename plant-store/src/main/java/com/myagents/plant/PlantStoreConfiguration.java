package com.myagents.plant;

import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.CommonClientConfigs;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.plant.materializer.FlowMeters;
import com.myagents.plant.materializer.Materializer;
import com.myagents.plant.outbox.ConnectionOpener;
import com.myagents.plant.outbox.OutboxRelay;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * plant-store's moving parts: the topics, the outbox relay and the materializer (both started and
 * stopped with the context), their health and metrics.
 */
@Configuration(proxyBeanMethods = false)
// Spring's Kafka auto-configuration is off (ServiceApplication); its spring.kafka.* properties are still bound
@EnableConfigurationProperties(KafkaProperties.class)
class PlantStoreConfiguration {

    /** Exists once every topic of the registry exists on the broker. */
    record ProvisionedTopics(String bootstrapServers, KafkaClientSecurity security) {

        /** What every Kafka client of plant-store starts from: where the broker is and who we are. */
        Map<String, Object> clientConfig(Map<String, Object> more) {
            Map<String, Object> config = new HashMap<>(more);
            config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return security.applyTo(config);
        }
    }

    @Bean
    ProvisionedTopics provisionedTopics(KafkaProperties kafka, PlantStoreProperties properties, Environment env) {
        String bootstrapServers = String.join(",", kafka.getBootstrapServers());
        KafkaClientSecurity security = KafkaClientSecurity.from(env::getProperty);
        TopicProvisioner.ensureTopics(bootstrapServers, security, properties.kafka().replicationFactor());
        return new ProvisionedTopics(bootstrapServers, security);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "myagents.outbox.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DSLContext dsl, DataSource dataSource, Environment env, ProvisionedTopics topics,
            PlantStoreProperties properties) {
        return new OutboxRelay(dsl, listenConnections(env, dataSource),
                topics.clientConfig(Map.of()), properties.outbox().relay().settings());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "myagents.materializer.enabled", matchIfMissing = true)
    Materializer materializer(DSLContext dsl, ProvisionedTopics topics, PlantStoreProperties properties) {
        return new Materializer(dsl, topics.clientConfig(Map.of(CommonClientConfigs.GROUP_ID_CONFIG,
                properties.materializer().groupId())), properties.materializer().consumers());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "myagents.outbox.relay.enabled", matchIfMissing = true)
    HealthIndicator outboxRelayHealthIndicator(OutboxRelay relay, PlantStoreProperties properties) {
        return () -> relay.health(properties.outbox().relay().readyMaxLag());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "myagents.materializer.enabled", matchIfMissing = true)
    HealthIndicator materializerHealthIndicator(Materializer materializer, PlantStoreProperties properties) {
        return () -> materializer.health(properties.materializer().readyMaxLag());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "myagents.outbox.relay.enabled", matchIfMissing = true)
    MeterBinder outboxMetrics(OutboxRelay relay) {
        return registry -> {
            relay.bindMetricsTo(registry);
            Gauge.builder("myagents.outbox.pending", relay, OutboxRelay::pendingCount)
                    .description("outbox rows committed but not yet published").register(registry);
            FunctionCounter.builder("myagents.outbox.published", relay, OutboxRelay::publishedCount)
                    .description("outbox rows published by this relay").register(registry);
            TimeGauge.builder("myagents.outbox.oldest.age", relay, TimeUnit.MILLISECONDS,
                    r -> r.oldestPendingAge().toMillis())
                    .description("how long the oldest unpublished outbox row has waited").register(registry);
        };
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "myagents.materializer.enabled", matchIfMissing = true)
    MeterBinder materializerMetrics(Materializer materializer) {
        return registry -> {
            materializer.countInto(new FlowMeters(registry));
            FunctionCounter.builder("myagents.materializer.applied", materializer, Materializer::appliedCount)
                    .description("stream records written to PostgreSQL").register(registry);
            FunctionCounter.builder("myagents.materializer.skipped", materializer, Materializer::skippedCount)
                    .description("poison records dead-lettered and skipped").register(registry);
            for (String topic : Materializer.topicNames()) {
                Gauge.builder("myagents.materializer.lag", materializer, m -> m.lagByTopic().getOrDefault(topic, 0L))
                        .tag("topic", topic).baseUnit("records")
                        .description("records of the topic not yet written to PostgreSQL").register(registry);
            }
            TimeGauge.builder("myagents.materializer.lag.age", materializer, TimeUnit.MILLISECONDS,
                    m -> m.behind().toMillis())
                    .description("age of the oldest record not yet written to PostgreSQL (about)").register(registry);
        };
    }

    /**
     * The relay listens on a connection of its own, outside the pool, opened from the same
     * settings; without a URL (a DataSource defined in code) it borrows one from the pool.
     */
    private static ConnectionOpener listenConnections(Environment env, DataSource dataSource) {
        String url = env.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            return dataSource::getConnection;
        }
        String user = env.getProperty("spring.datasource.username");
        String password = env.getProperty("spring.datasource.password", "");
        return () -> DriverManager.getConnection(url, user, password);
    }
}
