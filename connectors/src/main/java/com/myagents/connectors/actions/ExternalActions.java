package com.myagents.connectors.actions;

import static com.myagents.connectors.jooq.generated.Tables.EXTERNAL_ACTIONS;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;

import com.myagents.connectors.jooq.generated.tables.records.ExternalActionsRecord;

import com.myagents.contracts.execution.ExecutionCommand;

/**
 * The connectors' idempotency records, keyed by the command's idempotency key. A row is claimed
 * ({@code in_flight}) before anything leaves the process and finished after; every write is
 * conditional, so two attempts racing for one key cannot both act.
 */
public record ExternalActions(DSLContext db, Clock clock) {

    /** Result ids are name-based on the idempotency key: a replay publishes the same id. */
    public static UUID resultId(String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("execution-result:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    public Optional<ActionRecord> find(String idempotencyKey) {
        return db.selectFrom(EXTERNAL_ACTIONS)
                .where(EXTERNAL_ACTIONS.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchOptional()
                .map(ExternalActions::toRecord);
    }

    /** Claims the key for this attempt; empty when another attempt holds or finished it. */
    public Optional<ActionRecord> claim(ExecutionCommand command, String target) {
        UUID claimId = UUID.randomUUID();
        OffsetDateTime now = now();
        newRow(command, target, claimId, now)
                .set(EXTERNAL_ACTIONS.STATUS, ActionStatus.IN_FLIGHT.dbValue())
                .onConflictDoNothing()
                .execute();
        return find(command.idempotencyKey()).filter(row -> row.claimId().equals(claimId));
    }

    /** Hands an in-flight row over to a new attempt (the one before crashed or gave up); empty when another one took it. */
    public Optional<ActionRecord> takeOver(ActionRecord inFlight) {
        UUID claimId = UUID.randomUUID();
        int taken = db.update(EXTERNAL_ACTIONS)
                .set(EXTERNAL_ACTIONS.CLAIM_ID, claimId)
                .set(EXTERNAL_ACTIONS.UPDATED_AT, now())
                .where(EXTERNAL_ACTIONS.IDEMPOTENCY_KEY.eq(inFlight.idempotencyKey()))
                .and(EXTERNAL_ACTIONS.CLAIM_ID.eq(inFlight.claimId()))
                .and(EXTERNAL_ACTIONS.STATUS.eq(ActionStatus.IN_FLIGHT.dbValue()))
                .execute();
        return taken == 1 ? find(inFlight.idempotencyKey()) : Optional.empty();
    }

    /** Finishes this attempt's claim; the stored row is returned (another attempt's outcome if it finished first). */
    public ActionRecord finish(ActionRecord claimed, Outcome outcome) {
        OffsetDateTime now = now();
        db.update(EXTERNAL_ACTIONS)
                .set(finished(outcome, now))
                .where(EXTERNAL_ACTIONS.IDEMPOTENCY_KEY.eq(claimed.idempotencyKey()))
                .and(EXTERNAL_ACTIONS.CLAIM_ID.eq(claimed.claimId()))
                .execute();
        return require(claimed.idempotencyKey());
    }

    /**
     * Records an outcome reached without a claim (a dry run, a command no connector can perform, a
     * credential that cannot be had): nothing was sent, so there was nothing to claim. A row already
     * there wins and is returned.
     */
    public ActionRecord settle(ExecutionCommand command, String target, Outcome outcome) {
        OffsetDateTime now = now();
        newRow(command, target, UUID.randomUUID(), now)
                .set(finished(outcome, now))
                .onConflictDoNothing()
                .execute();
        return require(command.idempotencyKey());
    }

    /** Gives the key back after an attempt that sent nothing, so a later attempt starts afresh. */
    public void release(ActionRecord claimed) {
        db.deleteFrom(EXTERNAL_ACTIONS)
                .where(EXTERNAL_ACTIONS.IDEMPOTENCY_KEY.eq(claimed.idempotencyKey()))
                .and(EXTERNAL_ACTIONS.CLAIM_ID.eq(claimed.claimId()))
                .and(EXTERNAL_ACTIONS.STATUS.eq(ActionStatus.IN_FLIGHT.dbValue()))
                .execute();
    }

    /** A new row's command columns, created now under {@code claimId}; its status is the caller's. */
    private InsertSetMoreStep<ExternalActionsRecord> newRow(ExecutionCommand command, String target, UUID claimId,
            OffsetDateTime now) {
        return db.insertInto(EXTERNAL_ACTIONS)
                .set(EXTERNAL_ACTIONS.IDEMPOTENCY_KEY, command.idempotencyKey())
                .set(EXTERNAL_ACTIONS.CLAIM_ID, claimId)
                .set(EXTERNAL_ACTIONS.RESULT_ID, resultId(command.idempotencyKey()))
                .set(EXTERNAL_ACTIONS.COMMAND_ID, command.commandId())
                .set(EXTERNAL_ACTIONS.CORRELATION_ID, command.correlationId())
                .set(EXTERNAL_ACTIONS.DELIVERABLE_ID, command.deliverableId())
                .set(EXTERNAL_ACTIONS.SUBSCRIPTION_ID, command.subscriptionId())
                .set(EXTERNAL_ACTIONS.HIRED_INSTANCE_ID, command.hiredInstanceId())
                .set(EXTERNAL_ACTIONS.ACTION, command.action())
                .set(EXTERNAL_ACTIONS.TARGET, target)
                .set(EXTERNAL_ACTIONS.CREATED_AT, now)
                .set(EXTERNAL_ACTIONS.UPDATED_AT, now);
    }

    /** The columns a finished action has: how it ended, and when. */
    private static Map<Field<?>, Object> finished(Outcome outcome, OffsetDateTime now) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(EXTERNAL_ACTIONS.STATUS, ActionStatus.of(outcome.status()).dbValue());
        columns.put(EXTERNAL_ACTIONS.FAILURE_CODE, outcome.failureCode());
        columns.put(EXTERNAL_ACTIONS.EXTERNAL_ID, outcome.externalId());
        columns.put(EXTERNAL_ACTIONS.COST_MINOR, outcome.costMinor());
        columns.put(EXTERNAL_ACTIONS.DETAIL, outcome.detail());
        columns.put(EXTERNAL_ACTIONS.UPDATED_AT, now);
        columns.put(EXTERNAL_ACTIONS.COMPLETED_AT, now);
        return columns;
    }

    private ActionRecord require(String idempotencyKey) {
        return find(idempotencyKey).orElseThrow(() ->
                new IllegalStateException("external action " + idempotencyKey + " vanished while being written"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ActionRecord toRecord(Record row) {
        OffsetDateTime completed = row.get(EXTERNAL_ACTIONS.COMPLETED_AT);
        Long cost = row.get(EXTERNAL_ACTIONS.COST_MINOR);
        return new ActionRecord(
                row.get(EXTERNAL_ACTIONS.IDEMPOTENCY_KEY),
                row.get(EXTERNAL_ACTIONS.CLAIM_ID),
                row.get(EXTERNAL_ACTIONS.RESULT_ID),
                row.get(EXTERNAL_ACTIONS.COMMAND_ID),
                row.get(EXTERNAL_ACTIONS.CORRELATION_ID),
                row.get(EXTERNAL_ACTIONS.DELIVERABLE_ID),
                row.get(EXTERNAL_ACTIONS.SUBSCRIPTION_ID),
                row.get(EXTERNAL_ACTIONS.HIRED_INSTANCE_ID),
                row.get(EXTERNAL_ACTIONS.ACTION),
                row.get(EXTERNAL_ACTIONS.TARGET),
                ActionStatus.fromDb(row.get(EXTERNAL_ACTIONS.STATUS)),
                row.get(EXTERNAL_ACTIONS.FAILURE_CODE),
                row.get(EXTERNAL_ACTIONS.EXTERNAL_ID),
                cost == null ? 0 : cost,
                row.get(EXTERNAL_ACTIONS.DETAIL),
                completed == null ? null : completed.toInstant());
    }
}
