package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.ACCESS_RECORDS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_COMMANDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.execution.ExecutionCommand;

class OpsMaterializerTest {

    final OpsPlant plant = OpsPlant.get();

    @Test
    void writesEachAccessRecordOnceHoweverOftenItArrivesAndSkipsGarbage() {
        String correlationId = "ops-replay-" + UUID.randomUUID();
        AccessRecord access = new AccessRecord(UUID.randomUUID().toString(), correlationId, "gateway", null, null, null,
                "GET", "/api/v1/agent-types", 401, 2, Instant.now(), Instant.now());
        plant.publishRaw(Topics.ACCESS_RECORDS.name(), correlationId, "{not json".getBytes(StandardCharsets.UTF_8));
        plant.publish(Topics.ACCESS_RECORDS, correlationId, access);
        plant.publish(Topics.ACCESS_RECORDS, correlationId, access);
        // same key, so the same partition: the marker is read only after the garbage was got past
        String marker = "ops-replay-marker-" + UUID.randomUUID();
        plant.publish(Topics.ACCESS_RECORDS, correlationId, new AccessRecord(UUID.randomUUID().toString(), marker,
                "gateway", null, null, null, "GET", "/x", 200, 1, Instant.now(), Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> plant.db().fetchCount(ACCESS_RECORDS, ACCESS_RECORDS.CORRELATION_ID.eq(marker)) == 1);
        assertThat(plant.db().fetchCount(ACCESS_RECORDS, ACCESS_RECORDS.CORRELATION_ID.eq(correlationId))).isEqualTo(1);
        assertThat(plant.bean(OpsMaterializer.class).isRunning()).isTrue();
    }

    @Test
    void keepsACommandsIdsButNeitherItsPayloadNorItsSignature() {
        String commandId = "cmd-" + UUID.randomUUID();
        plant.publish(Topics.EXECUTION_COMMANDS, "d-1", new ExecutionCommand(commandId, "ops-cmd-" + commandId, "dec-1",
                "d-1", "s-1", "c-1", "h-1", "place_order", "a-1", "client-order-1", Map.of("size", 1), null, "sig"));

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> plant.db().fetchCount(EXECUTION_COMMANDS, EXECUTION_COMMANDS.COMMAND_ID.eq(commandId)) == 1);
        var row = plant.db().selectFrom(EXECUTION_COMMANDS).where(EXECUTION_COMMANDS.COMMAND_ID.eq(commandId)).fetchOne();
        assertThat(row.getIdempotencyKey()).isEqualTo("client-order-1");
        assertThat(row.getIssuedAt()).isNotNull();
        assertThat(row.fields()).extracting(f -> f.getName()).doesNotContain("payload", "signature");
    }

    @Test
    void tellsADatabaseThatIsAwayFromARecordItRefuses() {
        assertThat(OpsMaterializer.databaseAway(new RuntimeException(new SQLTransientConnectionException("gone", "08006"))))
                .isTrue();
        assertThat(OpsMaterializer.databaseAway(new RuntimeException(new SQLException("bad uuid", "22P02")))).isFalse();
        assertThat(OpsMaterializer.databaseAway(new RuntimeException(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(OpsMaterializer.databaseAway(new IllegalArgumentException("no sql at all"))).isFalse();
    }

    @Test
    void stopsAndStartsWithTheContext() {
        OpsMaterializer spare = new OpsMaterializer(plant.db(), "127.0.0.1:1");
        assertThat(spare.appliedCount()).isZero();
        assertThat(spare.skippedCount()).isZero();

        spare.start();
        spare.start();
        assertThat(spare.isRunning()).isTrue();
        spare.stop();
        spare.stop();
        assertThat(spare.isRunning()).isFalse();
    }
}
