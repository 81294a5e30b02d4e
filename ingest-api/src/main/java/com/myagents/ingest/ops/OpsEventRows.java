package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.ACCESS_RECORDS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_COMMANDS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jooq.DSLContext;

import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.execution.ExecutionCommand;

/**
 * The rows the drill-down reads beside the materializer's: HTTP access records and signed
 * commands (without payload and signature). Keyed by the event's own id and insert-if-absent, so
 * a replay changes nothing. Shaped like plant-store's {@code StreamOutputRows} so that the
 * materializer can take these two methods over as they are.
 */
public class OpsEventRows {

    public void recordAccess(DSLContext tx, AccessRecord access) {
        Instant completed = access.completedAt() != null ? access.completedAt() : access.receivedAt();
        tx.insertInto(ACCESS_RECORDS)
                .set(ACCESS_RECORDS.RECORD_ID, UUID.fromString(access.recordId()))
                .set(ACCESS_RECORDS.CORRELATION_ID, access.correlationId())
                .set(ACCESS_RECORDS.SERVICE, access.service() == null ? "unknown" : access.service())
                .set(ACCESS_RECORDS.CLIENT, access.client())
                .set(ACCESS_RECORDS.PRINCIPAL_ID, access.principalId())
                .set(ACCESS_RECORDS.PRINCIPAL_KIND, access.principalKind())
                .set(ACCESS_RECORDS.METHOD, access.method())
                .set(ACCESS_RECORDS.PATH, access.path())
                .set(ACCESS_RECORDS.STATUS, access.status())
                .set(ACCESS_RECORDS.DURATION_MS, access.durationMs())
                .set(ACCESS_RECORDS.RECEIVED_AT, at(access.receivedAt() != null ? access.receivedAt() : completed))
                .set(ACCESS_RECORDS.COMPLETED_AT, at(completed))
                .onConflictDoNothing()
                .execute();
    }

    public void recordCommand(DSLContext tx, ExecutionCommand command) {
        tx.insertInto(EXECUTION_COMMANDS)
                .set(EXECUTION_COMMANDS.COMMAND_ID, command.commandId())
                .set(EXECUTION_COMMANDS.CORRELATION_ID, command.correlationId())
                .set(EXECUTION_COMMANDS.DECISION_ID, command.decisionId())
                .set(EXECUTION_COMMANDS.DELIVERABLE_ID, command.deliverableId())
                .set(EXECUTION_COMMANDS.SUBSCRIPTION_ID, command.subscriptionId())
                .set(EXECUTION_COMMANDS.CUSTOMER_ID, command.customerId())
                .set(EXECUTION_COMMANDS.HIRED_INSTANCE_ID, command.hiredInstanceId())
                .set(EXECUTION_COMMANDS.ACTION, command.action())
                .set(EXECUTION_COMMANDS.APPROVAL_ID, command.approvalId())
                .set(EXECUTION_COMMANDS.IDEMPOTENCY_KEY, command.idempotencyKey())
                .set(EXECUTION_COMMANDS.ISSUED_AT, at(command.issuedAt() != null ? command.issuedAt() : Instant.now()))
                .onConflictDoNothing()
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
