package com.myagents.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.myagents.contracts.Topics;

class EmbeddedRuntimeTest {

    @TempDir
    Path dataDir;

    @Test
    void kafkaKeepsRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        int brokerPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), brokerPort, controllerPort);
        com.myagents.contracts.TopicProvisioner.ensureTopics(first.bootstrapServers(), (short) 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.GOAL_TRIGGERS.name(), "k", "survives")).get();
        }
        assertThat(first.close(java.time.Duration.ofSeconds(60))).as("controlled shutdown within its bound").isTrue();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), brokerPort, controllerPort)) {
            assertThat(readAll(broker.bootstrapServers(), Topics.GOAL_TRIGGERS.name())).containsExactly("survives");
        }
    }

    @Test
    void postgresKeepsRowsAcrossARestartOnTheSameDirectory() throws Exception {
        int port = FreePorts.next();
        // stopped by its owner (as the launcher does, last), not by a JVM hook of its own
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("pg"), port, "keepme", false)) {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                 Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('still here')");
            }
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("pg"), port, "keepme");
             Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select v from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
            assertThat(postgres.port()).isEqualTo(port);
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    return java.util.stream.StreamSupport.stream(records.spliterator(), false).map(r -> r.value()).toList();
                }
            }
            return List.of();
        }
    }
}
