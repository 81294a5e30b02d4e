package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;

/**
 * The running system on its embedded default gives every service only what it needs: its own
 * PostgreSQL login without superuser rights, the vault readable by cp-backend alone; its own Kafka
 * principal, anonymous clients refused, each topic written by its one writer, auditors read-only.
 */
class LeastPrivilegeTest {

    static LocalStack stack;
    static LocalSecrets secrets;

    @BeforeAll
    static void start() {
        stack = RunningSystem.stack();
        secrets = LocalSecrets.loadOrCreate(RunningSystem.options().dataDir());
    }

    static Connection loginAs(String service) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), DatabaseRoles.SERVICE_ROLES.get(service),
                secrets.get(DatabaseRoles.passwordName(service)));
    }

    @Test
    void noOtherServicesLoginCanReadTheVault() throws SQLException {
        for (String service : List.of("ingest-api", "plant-store", "connectors", "pp-backend", "gateway")) {
            try (Connection connection = loginAs(service); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("select count(*) from cp.vault_entries"))
                        .as(service).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
        try (Connection connection = loginAs("cp-backend"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from cp.vault_entries")) {
            assertThat(rows.next()).isTrue();
        }
    }

    @Test
    void eachServiceHasOnlyItsSchemaAndTheMaterializerOnlyItsTables() throws SQLException {
        try (Connection connection = loginAs("pp-backend"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select count(*) from plant.hired_agents"))
                    .hasMessageContaining("permission denied");
            statement.executeQuery("select count(*) from pp.operators").close();
        }
        try (Connection connection = loginAs("plant-store"); Statement statement = connection.createStatement()) {
            // plant-store materializes decisions; what customers approve is ingest-api's to write
            assertThatThrownBy(() -> statement.executeUpdate("delete from plant.approvals"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("update plant.subscriptions set status = status"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeQuery("select count(*) from plant.flyway_schema_history"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection connection = loginAs("ingest-api"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("create table plant.mine (id int)"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection connection = loginAs("gateway"); Statement statement = connection.createStatement()) {
            // the gateway keeps its shared rate-limit buckets and reads nothing of Plant's
            statement.executeQuery("select count(*) from gateway.rate_buckets").close();
            assertThatThrownBy(() -> statement.executeQuery("select count(*) from plant.hired_agents"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeQuery("select count(*) from gateway.flyway_schema_history"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void servicesRunAsTheirOwnLoginsNoneASuperuserAndTheSuperuserNeedsItsPassword() throws SQLException {
        for (String service : DatabaseRoles.SERVICE_ROLES.keySet()) {
            assertThat(stack.services().get(service).getEnvironment().getProperty("spring.datasource.username"))
                    .isEqualTo(DatabaseRoles.SERVICE_ROLES.get(service));
        }
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "postgres", RunningSystem.postgresPassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select rolname from pg_roles where rolsuper and rolname like 'myagents%'")) {
            assertThat(rows.next()).as("a myagents role is a superuser").isFalse();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(stack.jdbcUrl(), "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(stack.jdbcUrl(), "myagents_cp_backend", "guess").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void anAnonymousKafkaClientIsRefused() {
        Map<String, Object> config = producerConfig(Map.of("bootstrap.servers", stack.bootstrapServers()));
        try (KafkaProducer<byte[], byte[]> anonymous = new KafkaProducer<>(config)) {
            assertThatThrownBy(() -> anonymous.send(approval()).get())
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void connectorsCannotProduceApprovalsNorDenials() {
        try (KafkaProducer<byte[], byte[]> connectors = new KafkaProducer<>(producerConfig(
                stack.kafkaClientConfig(KafkaAccessPolicy.PRINCIPALS.get("connectors"))))) {
            assertThatThrownBy(() -> connectors.send(approval()).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            // only enforcement writes denials: a command connectors refuse is a failed result
            assertThatThrownBy(() -> connectors.send(new ProducerRecord<>(Topics.ENFORCEMENT_DENIALS.name(),
                    "forged".getBytes(StandardCharsets.UTF_8))).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            // only plant-store's materializer dead-letters (what PP shows as dead letters)
            assertThatThrownBy(() -> connectors.send(new ProducerRecord<>(Topics.PLANT_DEAD_LETTERS.name(),
                    "forged".getBytes(StandardCharsets.UTF_8))).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = producerConfig(com.myagents.contracts.security.KafkaClientSecurity
                .scram("plant-store", "not-the-password").applyTo(Map.of("bootstrap.servers", stack.bootstrapServers())));
        try (KafkaProducer<byte[], byte[]> impostor = new KafkaProducer<>(config)) {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> impostor.send(approval()).get());
            assertThat(causes(refused)).anyMatch(org.apache.kafka.common.errors.SaslAuthenticationException.class::isInstance);
        }
    }

    @Test
    void theAuditorReadsDenialsAndDecisionsButNothingElse() {
        Map<String, Object> config = new HashMap<>(stack.kafkaClientConfig(KafkaAccessPolicy.AUDITOR));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "console-consumer-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> auditor = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            auditor.subscribe(List.of(Topics.ENFORCEMENT_DENIALS.name(), Topics.EXECUTION_DECISIONS.name()));
            auditor.poll(Duration.ofSeconds(2));
            auditor.unsubscribe();
            auditor.subscribe(List.of(Topics.APPROVALS.name()));
            assertThatThrownBy(() -> auditor.poll(Duration.ofSeconds(5))).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<byte[], byte[]> auditor = new KafkaProducer<>(producerConfig(
                stack.kafkaClientConfig(KafkaAccessPolicy.AUDITOR)))) {
            assertThatThrownBy(() -> auditor.send(new ProducerRecord<>(Topics.ENFORCEMENT_DENIALS.name(),
                    "forged".getBytes(StandardCharsets.UTF_8))).get())
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.AuthorizationException.class);
        }
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static ProducerRecord<byte[], byte[]> approval() {
        return new ProducerRecord<>(Topics.APPROVALS.name(), "00000000-0000-0000-0000-00000000d001".getBytes(StandardCharsets.UTF_8),
                "{\"verdict\":\"approved\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> producerConfig(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        return config;
    }
}
