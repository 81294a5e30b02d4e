package com.myagents.plant.outbox;

import static com.myagents.plant.jooq.generated.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.serde.JsonSerde;
import com.myagents.embedded.FreePorts;
import com.myagents.plant.PlantTestDatabase;
import com.myagents.testsupport.SharedTestInfra;
import com.myagents.testsupport.TopicReader;

class OutboxTest {

    private static final Topic<String, GoalTrigger> TOPIC = Topics.GOAL_TRIGGERS;

    private static PlantTestDatabase database;
    private final OutboxWriter writer = new OutboxWriter();
    private final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        SharedTestInfra.kafkaBootstrapServers();
        database = PlantTestDatabase.migrated(false);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
        relays.forEach(relay -> assertThat(relay.isRunning()).isFalse());
    }

    @Test
    void publishesTheEventsOfACommittedTransactionAndNothingOfAFailedOne() {
        // Given a running relay
        startRelay(SharedTestInfra.kafkaBootstrapServers(), database::openConnection, Duration.ofSeconds(5));
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();

        // When one transaction appends an event and then fails, and a later one appends two and commits
        assertThatThrownBy(() -> database.dsl().transaction(cfg -> {
            writer.append(cfg.dsl(), TOPIC, rolledBack, trigger(rolledBack, 0));
            throw new IllegalStateException("the service's own write failed");
        })).hasMessageContaining("own write failed");
        database.dsl().transaction(cfg -> {
            writer.append(cfg.dsl(), TOPIC, committed, trigger(committed, 0));
            writer.append(cfg.dsl(), TOPIC, committed, trigger(committed, 1));
        });

        // Then the committed pair arrives; the failed event exists neither in the outbox nor on the topic
        try (var reader = TopicReader.records(TOPIC, r -> Set.of(rolledBack, committed).contains(r.key()))) {
            List<ConsumerRecord<String, GoalTrigger>> records = reader.readUntil(r -> r.size() >= 2, Duration.ofSeconds(20));
            assertThat(records).extracting(ConsumerRecord::key).containsExactly(committed, committed);
            // ids are in commit order, so a rolled-back row that had been published would have come first
            assertThat(reader.readFor(Duration.ofMillis(500))).extracting(ConsumerRecord::key).doesNotContain(rolledBack);
        }
        assertThat(database.dsl().fetchCount(OUTBOX, OUTBOX.RECORD_KEY.eq(rolledBack))).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(database.dsl().fetchCount(OUTBOX, OUTBOX.RECORD_KEY.eq(committed).and(OUTBOX.PUBLISHED_AT.isNotNull())))
                        .isEqualTo(2));
    }

    @Test
    void publishesEveryRowOnceInOrderPerKeyWithItsSchemaAndMarksItPublished() {
        // Given three keys with forty events each, committed one by one, interleaved, before the relay runs
        List<String> keys = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (int sequence = 0; sequence < 40; sequence++) {
            for (String key : keys) {
                int n = sequence;
                database.dsl().transaction(cfg -> writer.append(cfg.dsl(), TOPIC, key, trigger(key, n)));
            }
        }

        // When the relay drains them in batches of fifty
        OutboxRelay relay = startRelay(SharedTestInfra.kafkaBootstrapServers(), database::openConnection, Duration.ofSeconds(5));

        // Then each key's events arrive once, in the order they were written, with the serde's schema header
        try (var reader = TopicReader.records(TOPIC, r -> keys.contains(r.key()))) {
            reader.readUntil(r -> r.size() >= 120, Duration.ofSeconds(30));
            List<ConsumerRecord<String, GoalTrigger>> records = reader.readFor(Duration.ofSeconds(1));
            assertThat(records).hasSize(120);
            Map<String, List<String>> runsByKey = new LinkedHashMap<>();
            for (ConsumerRecord<String, GoalTrigger> record : records) {
                GoalTrigger event = record.value();
                runsByKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.runId());
                assertThat(new String(record.headers().lastHeader(JsonSerde.SCHEMA_HEADER).value(), StandardCharsets.UTF_8))
                        .isEqualTo("goal-trigger/v1");
                assertThat(record.headers().lastHeader(OutboxRelay.OUTBOX_ID_HEADER)).isNotNull();
            }
            for (String key : keys) {
                List<String> expected = new ArrayList<>();
                for (int sequence = 0; sequence < 40; sequence++) {
                    expected.add(key + ":" + sequence);
                }
                assertThat(runsByKey.get(key)).containsExactlyElementsOf(expected);
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(relay.pendingCount()).isZero());
        assertThat(database.dsl().fetchCount(OUTBOX, OUTBOX.RECORD_KEY.in(keys).and(OUTBOX.PUBLISHED_AT.isNull()))).isZero();
        assertThat(relay.publishedCount()).isGreaterThanOrEqualTo(120);
        assertThat(relay.health().getStatus()).isEqualTo(Status.UP);
        assertThat(relay.health().getDetails()).containsEntry("pending", 0);
    }

    @Test
    void aRowThatCameWithoutANotificationIsPublishedByTheSweep() {
        startRelay(SharedTestInfra.kafkaBootstrapServers(), database::openConnection, Duration.ofSeconds(1));
        String key = UUID.randomUUID().toString();
        JsonSerde<GoalTrigger> serde = (JsonSerde<GoalTrigger>) TOPIC.valueSerde();

        // When a row is inserted without pg_notify (as a writer that lost its notification would leave it)
        database.dsl().insertInto(OUTBOX)
                .set(OUTBOX.TOPIC, TOPIC.name())
                .set(OUTBOX.RECORD_KEY, key)
                .set(OUTBOX.PAYLOAD, serde.write(trigger(key, 0)))
                .set(OUTBOX.SCHEMA, serde.schema())
                .execute();

        // Then the periodic sweep publishes it
        try (var reader = TopicReader.records(TOPIC, r -> key.equals(r.key()))) {
            assertThat(reader.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(15))).hasSize(1);
        }
    }

    @Test
    void keepsRowsWhileTheDatabaseIsAwayReportsDownThenCatchesUp() {
        // Given a relay whose database connection cannot be opened for now
        AtomicBoolean databaseAway = new AtomicBoolean(true);
        OutboxRelay relay = startRelay(SharedTestInfra.kafkaBootstrapServers(), () -> {
            if (databaseAway.get()) {
                throw new SQLException("connection refused", "08001");
            }
            return database.openConnection();
        }, Duration.ofSeconds(1));
        String key = UUID.randomUUID().toString();
        database.dsl().transaction(cfg -> writer.append(cfg.dsl(), TOPIC, key, trigger(key, 0)));

        // Then it reports down after repeated failures, and the row waits
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.health().getStatus().equals(Status.DOWN));
        assertThat(relay.pendingCount()).isPositive();

        // When the database comes back, the row is published and the relay is healthy again
        databaseAway.set(false);
        try (var reader = TopicReader.records(TOPIC, r -> key.equals(r.key()))) {
            assertThat(reader.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(40))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.health().getStatus().equals(Status.UP));
    }

    @Test
    void leavesRowsUnpublishedWhileTheBrokerIsUnreachable() {
        // Given a relay pointed at a port where no broker listens
        OutboxRelay relay = new OutboxRelay(database.dsl(), database::openConnection,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + FreePorts.next()),
                new OutboxRelaySettings(10, Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ZERO));
        relays.add(relay);
        String key = UUID.randomUUID().toString();
        database.dsl().transaction(cfg -> writer.append(cfg.dsl(), TOPIC, key, trigger(key, 0)));

        // When it runs for a while
        relay.start();
        relay.start();

        // Then it keeps failing without losing the row, and says so
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.health().getStatus().equals(Status.DOWN));
        assertThat(database.dsl().fetchCount(OUTBOX, OUTBOX.RECORD_KEY.eq(key).and(OUTBOX.PUBLISHED_AT.isNull()))).isEqualTo(1);
        assertThat(relay.health().getDetails()).containsKey("last_error");
    }

    @Test
    void anAppendWakesTheRelayOnCommitOnly() throws Exception {
        String key = UUID.randomUUID().toString();
        try (java.sql.Connection listener = database.openConnection();
             java.sql.Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + OutboxWriter.CHANNEL);
            org.postgresql.PGConnection pg = listener.unwrap(org.postgresql.PGConnection.class);

            assertThatThrownBy(() -> database.dsl().transaction(cfg -> {
                writer.append(cfg.dsl(), TOPIC, key + "-rolled-back", trigger(key, 0));
                throw new IllegalStateException("rolled back");
            })).hasMessageContaining("rolled back");
            assertThat(pg.getNotifications(300)).isNullOrEmpty();

            database.dsl().transaction(cfg -> writer.append(cfg.dsl(), TOPIC, key, trigger(key, 1)));

            org.postgresql.PGNotification[] notifications = pg.getNotifications(5_000);
            assertThat(notifications).extracting(org.postgresql.PGNotification::getName).containsExactly(OutboxWriter.CHANNEL);
        }
        assertThat(database.dsl().fetchCount(OUTBOX, OUTBOX.RECORD_KEY.eq(key).and(OUTBOX.SCHEMA.isNotNull()))).isEqualTo(1);
    }

    @Test
    void refusesAnEventWithoutKeyOrOnATopicWithoutJsonSerde() {
        Topic<String, String> plain = new Topic<>("plain", "id", Serdes.String(), Serdes.String(), 1,
                Topic.Cleanup.DELETE, Duration.ofDays(1));

        assertThatThrownBy(() -> writer.append(database.dsl(), plain, "k", "v")).hasMessageContaining("no JSON value serde");
        assertThatThrownBy(() -> writer.append(database.dsl(), TOPIC, null, trigger("k", 0))).hasMessageContaining("needs a key");
    }

    private OutboxRelay startRelay(String bootstrapServers, ConnectionOpener listen, Duration sweep) {
        OutboxRelay relay = new OutboxRelay(database.dsl(), listen,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new OutboxRelaySettings(50, sweep, Duration.ofSeconds(10), Duration.ofDays(7)));
        relays.add(relay);
        relay.start();
        return relay;
    }

    private static GoalTrigger trigger(String key, int sequence) {
        return new GoalTrigger(key + ":" + sequence, key, "marketing.daily_education_micropost", UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "daily:2026-11-27", Instant.now());
    }
}
