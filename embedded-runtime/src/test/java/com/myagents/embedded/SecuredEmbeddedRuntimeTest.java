package com.myagents.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.Topics;
import com.myagents.contracts.security.KafkaClientSecurity;

class SecuredEmbeddedRuntimeTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecuredBrokerRefusesAnonymousClientsAndLetsUsersDoOnlyWhatAnAclAllows() throws Exception {
        BrokerSecurity security = new BrokerSecurity("broker-secret", Map.of("writer", "writer-secret", "other", "other-secret"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), FreePorts.next(),
                FreePorts.next(), security)) {
            assertThat(broker.secured()).isTrue();
            TopicProvisioner.ensureTopics(broker.superUserClientConfig(), (short) 1);
            try (Admin admin = Admin.create(broker.superUserClientConfig())) {
                BrokerSecurity.createAcls(admin, List.of(new AclBinding(
                        new ResourcePattern(ResourceType.TOPIC, Topics.GOAL_TRIGGERS.name(), PatternType.LITERAL),
                        new AccessControlEntry("User:writer", "*", AclOperation.WRITE, AclPermissionType.ALLOW))));
            }

            try (KafkaProducer<String, String> writer = producer(KafkaClientSecurity.scram("writer", "writer-secret"), broker)) {
                writer.send(new ProducerRecord<>(Topics.GOAL_TRIGGERS.name(), "k", "allowed")).get();
                assertThatThrownBy(() -> writer.send(new ProducerRecord<>(Topics.APPROVALS.name(), "k", "not allowed")).get())
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            try (KafkaProducer<String, String> other = producer(KafkaClientSecurity.scram("other", "other-secret"), broker)) {
                assertThatThrownBy(() -> other.send(new ProducerRecord<>(Topics.GOAL_TRIGGERS.name(), "k", "no acl")).get())
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
            try (KafkaProducer<String, String> anonymous = producer(KafkaClientSecurity.none(), broker)) {
                assertThatThrownBy(() -> anonymous.send(new ProducerRecord<>(Topics.GOAL_TRIGGERS.name(), "k", "anonymous")).get())
                        // it never gets past the handshake, so it never even learns the topic exists
                        .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            }
            assertThat(Files.readString(dataDir.resolve("kafka/server.properties"))).contains("StandardAuthorizer");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("kafka/server.properties")))
                    .hasSize(2).allMatch(p -> p.name().startsWith("OWNER"));
        }
    }

    @Test
    void theBrokersOwnUserIsReservedAndAPasswordIsRequired() {
        assertThatThrownBy(() -> new BrokerSecurity("pw", Map.of(BrokerSecurity.BROKER_USER, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerSecurity("", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BrokerSecurity("secret-pw", Map.of("u", "user-pw")).toString()).doesNotContain("pw");
    }

    @Test
    void postgresWithASuperuserPasswordRefusesTcpLoginsWithoutOneAcrossRestarts() throws Exception {
        int port = FreePorts.next();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("pg"), port, "locked", "s3cret'pw")) {
            assertThat(postgres.passwordsRequired()).isTrue();
            assertRefusedWithout(postgres);
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir.resolve("pg"), port, "locked", "s3cret'pw")) {
            assertRefusedWithout(again);
        }
    }

    @Test
    void aClusterStartedOpenOnceIsLockedWhenStartedWithAPassword() throws Exception {
        int port = FreePorts.next();
        try (EmbeddedPostgresServer open = EmbeddedPostgresServer.start(dataDir.resolve("pg"), port, "legacy")) {
            assertThat(open.passwordsRequired()).isFalse();
            DriverManager.getConnection(open.jdbcUrl(), "postgres", "").close();
        }
        try (EmbeddedPostgresServer locked = EmbeddedPostgresServer.start(dataDir.resolve("pg"), port, "legacy", "now-a-password")) {
            assertRefusedWithout(locked);
        }
    }

    private static void assertRefusedWithout(EmbeddedPostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    private static KafkaProducer<String, String> producer(KafkaClientSecurity security, EmbeddedKafkaBroker broker) {
        Map<String, Object> config = new HashMap<>(security.applyTo(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers())));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
