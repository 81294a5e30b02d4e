package com.myagents.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.gateway.RecordingPlant;
import com.myagents.gateway.RunningGateway;
import com.myagents.testsupport.SharedTestInfra;
import com.myagents.testsupport.TopicReader;

/** With Kafka configured, the gateway's access records land on their topic, keyed by correlation id. */
class KafkaAccessJournalHttpTest {

    static RecordingPlant plant;
    static RunningGateway gateway;

    @BeforeAll
    static void start() {
        plant = new RecordingPlant();
        gateway = new RunningGateway(plant.url(), "spring.kafka.bootstrap-servers=" + SharedTestInfra.kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        plant.close();
    }

    @Test
    void aForwardedCallLandsOnTheAccessRecordsTopicWithItsPrincipalAndTimes() {
        String correlationId = "kafka-access-ok-" + UUID.randomUUID();
        Instant before = Instant.now();

        gateway.send(gateway.request("/api/v1/agent-types?email=private@example.test")
                .header("Authorization", "Bearer " + RunningGateway.cpAssertion(RunningGateway.customer("cust-kafka-1")))
                .header("X-Correlation-ID", correlationId));

        ConsumerRecord<String, com.myagents.contracts.access.AccessRecord> record = recordFor(correlationId);
        var access = record.value();
        assertThat(record.key()).isEqualTo(correlationId);
        assertThat(access.service()).isEqualTo("gateway");
        assertThat(access.client()).isEqualTo("cp-backend");
        assertThat(access.principalId()).isEqualTo("cust-kafka-1");
        assertThat(access.principalKind()).isEqualTo("CUSTOMER");
        assertThat(access.method()).isEqualTo("GET");
        assertThat(access.path()).isEqualTo("/api/v1/agent-types");
        assertThat(access.status()).isEqualTo(200);
        assertThat(access.recordId()).isNotBlank();
        assertThat(access.receivedAt()).isAfterOrEqualTo(before.minusMillis(1)).isBeforeOrEqualTo(access.completedAt());
        assertThat(gateway.context().getBean(KafkaAccessJournal.class).sentCount()).isPositive();
    }

    @Test
    void aRefusedCallIsRecordedTooWithoutAPrincipal() {
        String correlationId = "kafka-access-401-" + UUID.randomUUID();

        gateway.send(gateway.request("/api/v1/agent-types").header("X-Correlation-ID", correlationId));

        var access = recordFor(correlationId).value();
        assertThat(access.status()).isEqualTo(401);
        assertThat(access.principalId()).isNull();
        assertThat(access.client()).isNull();
    }

    @Test
    void keepsRequestsFastWhenKafkaIsAwayAndLogsWhatTheTopicDidNotGet() {
        List<AccessRecord> logged = new CopyOnWriteArrayList<>();
        KafkaAccessJournal journal = new KafkaAccessJournal(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500), 1, logged::add);
        try {
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                journal.record(new AccessRecord(Instant.now(), "away-" + i + "-correlation", null, null, null, "GET", "/x",
                        200, 1));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(journal.droppedCount()).isPositive();
        } finally {
            journal.close();
        }
        assertThat(journal.sentCount()).isZero();
        assertThat(journal.failedCount()).isPositive();
        // every record is somewhere: in the log when not on the topic
        assertThat(logged).hasSize(50);
        assertThat(journal.droppedCount() + journal.failedCount()).isEqualTo(50);
    }

    @Test
    void anOrderlyStopSendsEveryLingeringRecordAndLogsNoneOfThemTwice() {
        List<AccessRecord> logged = new CopyOnWriteArrayList<>();
        String prefix = "linger-" + UUID.randomUUID() + "-";
        // a linger far longer than the test: only the stop's flush can send these
        KafkaAccessJournal journal = new KafkaAccessJournal(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.kafkaBootstrapServers()), 100, Duration.ofSeconds(5), logged::add);
        for (int i = 0; i < 20; i++) {
            journal.record(new AccessRecord(Instant.now(), prefix + i, null, null, null, "GET", "/x", 200, 1));
        }

        journal.close();

        assertThat(journal.sentCount()).isEqualTo(20);
        assertThat(logged).isEmpty();
        try (var reader = TopicReader.records(Topics.ACCESS_RECORDS, r -> r.key().startsWith(prefix))) {
            assertThat(reader.first(Duration.ofSeconds(20)).value().path()).isEqualTo("/x");
        }
    }

    private static ConsumerRecord<String, com.myagents.contracts.access.AccessRecord> recordFor(String correlationId) {
        try (var reader = TopicReader.records(Topics.ACCESS_RECORDS, r -> correlationId.equals(r.key()))) {
            return reader.first(Duration.ofSeconds(20));
        }
    }
}
