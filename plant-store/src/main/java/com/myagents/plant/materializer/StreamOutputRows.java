package com.myagents.plant.materializer;

import static com.myagents.plant.jooq.generated.Tables.ACCESS_RECORDS;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_COMMANDS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_RESULTS;
import static com.myagents.plant.jooq.generated.Tables.GOAL_RUNS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.contracts.serde.EventJson;

/**
 * Writes stream outputs into Plant's tables. Every write is keyed by the event's own id and
 * conditional, so applying the same event twice changes nothing, and a state only ever moves
 * forward (a reviewed deliverable is never reset to pending_review by a replayed draft).
 */
class StreamOutputRows {

    /** Payload key of a post written again: the deliverable id of the draft it replaces (the goal runner's). */
    static final String SUPERSEDES = "supersedes";
    /** A draft that has not gone out and is not on its way: it can be replaced by a post written again. */
    static final List<String> SUPERSEDABLE = List.of("draft", "pending_review", "approved", "rejected", "failed", "dry_run");

    void recordDecision(DSLContext tx, ExecutionDecision decision) {
        tx.insertInto(EXECUTION_DECISIONS)
                .set(EXECUTION_DECISIONS.DECISION_ID, UUID.fromString(decision.decisionId()))
                .set(EXECUTION_DECISIONS.CORRELATION_ID, decision.correlationId())
                .set(EXECUTION_DECISIONS.DELIVERABLE_ID, decision.deliverableId())
                .set(EXECUTION_DECISIONS.SUBSCRIPTION_ID, decision.subscriptionId())
                .set(EXECUTION_DECISIONS.CUSTOMER_ID, decision.customerId())
                .set(EXECUTION_DECISIONS.ACTION, decision.action())
                .set(EXECUTION_DECISIONS.APPROVAL_ID, decision.approvalId())
                .set(EXECUTION_DECISIONS.OUTCOME, decision.outcome().code())
                .set(EXECUTION_DECISIONS.REASON, decision.reason().code())
                .set(EXECUTION_DECISIONS.DETAIL, decision.detail())
                .set(EXECUTION_DECISIONS.CHECKS, json(decision.checks() == null ? List.of() : decision.checks()))
                .set(EXECUTION_DECISIONS.INPUTS, json(decision.inputs() == null ? Map.of() : decision.inputs()))
                .set(EXECUTION_DECISIONS.POLICY_VERSION, decision.policyVersion())
                .set(EXECUTION_DECISIONS.EXECUTION_MODE, decision.mode() == null ? "live" : decision.mode().code())
                .set(EXECUTION_DECISIONS.DECIDED_AT, at(decision.decidedAt()))
                .onConflictDoNothing()
                .execute();
        // topics are read independently: the connector's result may have moved the request on
        // already, so the status only moves forward, but the decision time is always recorded
        tx.update(EXECUTION_REQUESTS)
                .set(EXECUTION_REQUESTS.STATUS, DSL.when(EXECUTION_REQUESTS.STATUS.eq("pending"),
                        DSL.inline(decision.allowed() ? "allowed" : "denied")).otherwise(EXECUTION_REQUESTS.STATUS))
                .set(EXECUTION_REQUESTS.DECIDED_AT, at(decision.decidedAt()))
                .where(EXECUTION_REQUESTS.CORRELATION_ID.eq(decision.correlationId()))
                .and(EXECUTION_REQUESTS.DECIDED_AT.isNull())
                .execute();
    }

    void recordDenial(DSLContext tx, EnforcementDenial denial) {
        tx.insertInto(ENFORCEMENT_DENIALS)
                .set(ENFORCEMENT_DENIALS.DENIAL_ID, UUID.fromString(denial.denialId()))
                .set(ENFORCEMENT_DENIALS.CORRELATION_ID, denial.correlationId())
                .set(ENFORCEMENT_DENIALS.SUBSCRIPTION_ID, denial.subscriptionId())
                .set(ENFORCEMENT_DENIALS.CUSTOMER_ID, denial.customerId())
                .set(ENFORCEMENT_DENIALS.DELIVERABLE_ID, denial.deliverableId())
                .set(ENFORCEMENT_DENIALS.ACTION, denial.action())
                .set(ENFORCEMENT_DENIALS.REASON, denial.reason().code())
                .set(ENFORCEMENT_DENIALS.DETAIL, denial.detail())
                .set(ENFORCEMENT_DENIALS.INPUTS, json(denial.inputs() == null ? Map.of() : denial.inputs()))
                .set(ENFORCEMENT_DENIALS.POLICY_VERSION, denial.policyVersion())
                .set(ENFORCEMENT_DENIALS.DENIED_AT, at(denial.deniedAt()))
                .onConflictDoNothing()
                .execute();
    }

    void recordDraft(DSLContext tx, DeliverableDraft draft) {
        OffsetDateTime createdAt = at(draft.createdAt() == null ? Instant.now() : draft.createdAt());
        UUID goalInstanceId = draft.goalInstanceId() == null ? null : UUID.fromString(draft.goalInstanceId());
        tx.insertInto(DELIVERABLES)
                .set(DELIVERABLES.DELIVERABLE_ID, UUID.fromString(draft.deliverableId()))
                .set(DELIVERABLES.RUN_ID, draft.runId())
                .set(DELIVERABLES.GOAL_INSTANCE_ID, goalInstanceId)
                .set(DELIVERABLES.GOAL_TEMPLATE_ID, draft.goalTemplateId())
                .set(DELIVERABLES.HIRED_INSTANCE_ID, UUID.fromString(draft.hiredInstanceId()))
                .set(DELIVERABLES.SUBSCRIPTION_ID, UUID.fromString(draft.subscriptionId()))
                .set(DELIVERABLES.CUSTOMER_ID, UUID.fromString(draft.customerId()))
                .set(DELIVERABLES.KIND, draft.kind())
                .set(DELIVERABLES.STATE, "pending_review")
                .set(DELIVERABLES.PAYLOAD, json(draft.payload() == null ? Map.of() : draft.payload()))
                .set(DELIVERABLES.PROPOSED_ACTIONS, json(draft.proposedActions() == null ? List.of() : draft.proposedActions()))
                .set(DELIVERABLES.PAYLOAD_HASH, draft.payloadHash())
                .set(DELIVERABLES.SUGGESTED_FOR, at(draft.suggestedFor()))
                .set(DELIVERABLES.CREATED_AT, createdAt)
                .set(DELIVERABLES.UPDATED_AT, createdAt)
                .onConflictDoNothing()
                .execute();
        if (draft.runId() != null && goalInstanceId != null) {
            tx.insertInto(GOAL_RUNS)
                    .set(GOAL_RUNS.RUN_ID, draft.runId())
                    .set(GOAL_RUNS.GOAL_INSTANCE_ID, goalInstanceId)
                    .set(GOAL_RUNS.PERIOD_KEY, GoalTrigger.periodKeyOf(draft.runId(), draft.goalInstanceId()))
                    .set(GOAL_RUNS.STATUS, "completed")
                    .set(GOAL_RUNS.COMPLETED_AT, createdAt)
                    .onConflict(GOAL_RUNS.RUN_ID)
                    .doUpdate()
                    .set(GOAL_RUNS.STATUS, "completed")
                    .set(GOAL_RUNS.COMPLETED_AT, createdAt)
                    .where(GOAL_RUNS.STATUS.eq("triggered"))
                    .execute();
        }
        supersede(tx, draft);
    }

    /**
     * A post written again names the draft it replaces: that draft is superseded, unless it has
     * gone out (or is going out) already. Only a draft of the same customer and instance can be.
     */
    private static void supersede(DSLContext tx, DeliverableDraft draft) {
        Object named = draft.payload() == null ? null : draft.payload().get(SUPERSEDES);
        UUID old = named instanceof String id ? uuidOrNull(id) : null;
        if (old == null || old.toString().equals(draft.deliverableId())) {
            return;
        }
        tx.update(DELIVERABLES)
                .set(DELIVERABLES.STATE, "superseded")
                .set(DELIVERABLES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(DELIVERABLES.DELIVERABLE_ID.eq(old))
                .and(DELIVERABLES.CUSTOMER_ID.eq(UUID.fromString(draft.customerId())))
                .and(DELIVERABLES.HIRED_INSTANCE_ID.eq(UUID.fromString(draft.hiredInstanceId())))
                .and(DELIVERABLES.STATE.in(SUPERSEDABLE))
                .execute();
    }

    /**
     * What a metered run really cost: the goal run shows it instead of the price charged when it was
     * allowed (never more than that price). It may arrive before enforcement's decision (another
     * topic): it is kept on the run, and the decision then shows the settled cost too.
     */
    void recordGoalRunSettlement(DSLContext tx, GoalRunSettlement settlement) {
        UUID goalInstanceId = uuidOrNull(settlement.goalInstanceId());
        if (goalInstanceId == null || settlement.runId() == null) {
            return;
        }
        long settled = Math.max(0, settlement.costMinor());
        OffsetDateTime settledAt = at(settlement.settledAt() == null ? Instant.now() : settlement.settledAt());
        tx.insertInto(GOAL_RUNS)
                .set(GOAL_RUNS.RUN_ID, settlement.runId())
                .set(GOAL_RUNS.GOAL_INSTANCE_ID, goalInstanceId)
                .set(GOAL_RUNS.PERIOD_KEY, GoalTrigger.periodKeyOf(settlement.runId(), settlement.goalInstanceId()))
                .set(GOAL_RUNS.STATUS, "completed")
                .set(GOAL_RUNS.COMPLETED_AT, settledAt)
                .set(GOAL_RUNS.SETTLED_COST_MINOR, settled)
                .set(GOAL_RUNS.COST_MINOR, settled)
                .onConflict(GOAL_RUNS.RUN_ID)
                .doUpdate()
                .set(GOAL_RUNS.SETTLED_COST_MINOR, settled)
                .set(GOAL_RUNS.COST_MINOR, DSL.least(DSL.val(settled, GOAL_RUNS.COST_MINOR), GOAL_RUNS.COST_MINOR))
                .execute();
    }

    /**
     * A goal-run decision. Enforcement's on a metered run: allowed, it is triggered at its price (its
     * drafts complete it); denied, the run ends there with enforcement's reason. The goal runner's
     * skip of a run it could not run ends it as skipped with the reason. Either way the customer sees
     * on the goal what became of the run; a replay, or a later record for a run that already ended,
     * changes nothing.
     */
    void recordGoalRunDecision(DSLContext tx, GoalRunDecision decision) {
        UUID goalInstanceId = uuidOrNull(decision.trigger().goalInstanceId());
        if (goalInstanceId == null) {
            return;
        }
        String status = decision.allowed() ? "triggered" : decision.skipped() ? "skipped" : "denied";
        OffsetDateTime decidedAt = at(decision.decidedAt());
        boolean open = decision.allowed();
        tx.insertInto(GOAL_RUNS)
                .set(GOAL_RUNS.RUN_ID, decision.runId())
                .set(GOAL_RUNS.GOAL_INSTANCE_ID, goalInstanceId)
                .set(GOAL_RUNS.PERIOD_KEY, decision.trigger().periodKey() != null ? decision.trigger().periodKey()
                        : GoalTrigger.periodKeyOf(decision.runId(), decision.trigger().goalInstanceId()))
                .set(GOAL_RUNS.STATUS, status)
                .set(GOAL_RUNS.TRIGGERED_AT, at(decision.trigger().dueAt() == null ? decision.decidedAt() : decision.trigger().dueAt()))
                .set(GOAL_RUNS.COMPLETED_AT, open ? null : decidedAt)
                .set(GOAL_RUNS.REASON, decision.reason().code())
                .set(GOAL_RUNS.DETAIL, decision.detail())
                .set(GOAL_RUNS.COST_MINOR, decision.costMinor())
                .onConflict(GOAL_RUNS.RUN_ID)
                .doUpdate()
                .set(GOAL_RUNS.STATUS, DSL.when(GOAL_RUNS.STATUS.eq("triggered"), DSL.inline(status)).otherwise(GOAL_RUNS.STATUS))
                .set(GOAL_RUNS.COMPLETED_AT, DSL.when(GOAL_RUNS.STATUS.eq("triggered"), DSL.val(open ? null : decidedAt, GOAL_RUNS.COMPLETED_AT))
                        .otherwise(GOAL_RUNS.COMPLETED_AT))
                .set(GOAL_RUNS.REASON, DSL.when(GOAL_RUNS.STATUS.eq("triggered"), DSL.val(decision.reason().code(), GOAL_RUNS.REASON))
                        .otherwise(GOAL_RUNS.REASON))
                .set(GOAL_RUNS.DETAIL, DSL.when(GOAL_RUNS.STATUS.eq("triggered"), DSL.val(decision.detail(), GOAL_RUNS.DETAIL)).otherwise(GOAL_RUNS.DETAIL))
                // a run skipped after it was allowed keeps the price it was charged; a run already
                // settled (its drafts and settlement came first) shows the settled cost, within the price
                .set(GOAL_RUNS.COST_MINOR, decision.skipped() ? GOAL_RUNS.COST_MINOR
                        : DSL.when(GOAL_RUNS.SETTLED_COST_MINOR.isNotNull(),
                                DSL.least(GOAL_RUNS.SETTLED_COST_MINOR, DSL.val(decision.costMinor(), GOAL_RUNS.COST_MINOR)))
                                .when(GOAL_RUNS.STATUS.eq("triggered").or(GOAL_RUNS.COST_MINOR.isNull()),
                                        DSL.val(decision.costMinor(), GOAL_RUNS.COST_MINOR))
                                .otherwise(GOAL_RUNS.COST_MINOR))
                .execute();
    }

    void recordResult(DSLContext tx, ExecutionResult result) {
        tx.insertInto(EXECUTION_RESULTS)
                .set(EXECUTION_RESULTS.RESULT_ID, UUID.fromString(result.resultId()))
                .set(EXECUTION_RESULTS.COMMAND_ID, result.commandId())
                .set(EXECUTION_RESULTS.CORRELATION_ID, result.correlationId())
                .set(EXECUTION_RESULTS.DELIVERABLE_ID, result.deliverableId())
                .set(EXECUTION_RESULTS.SUBSCRIPTION_ID, result.subscriptionId())
                .set(EXECUTION_RESULTS.STATUS, result.status().code())
                .set(EXECUTION_RESULTS.EXTERNAL_ID, result.externalId())
                .set(EXECUTION_RESULTS.IDEMPOTENCY_KEY, result.idempotencyKey())
                .set(EXECUTION_RESULTS.COST_MINOR, result.costMinor())
                .set(EXECUTION_RESULTS.DETAIL, result.detail())
                .set(EXECUTION_RESULTS.COMPLETED_AT, at(result.completedAt()))
                .onConflictDoNothing()
                .execute();
        // A dry run did not act: the deliverable says so ("dry_run"), never "executed".
        String outcome = outcome(result.status());
        if (outcome == null) {
            // a status a newer connector wrote: the result is stored as written, and what it means
            // for the deliverable and the request is left for a build that knows it
            return;
        }
        UUID deliverableId = uuidOrNull(result.deliverableId());
        if (deliverableId != null) {
            tx.update(DELIVERABLES)
                    .set(DELIVERABLES.STATE, outcome)
                    .set(DELIVERABLES.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(DELIVERABLES.DELIVERABLE_ID.eq(deliverableId))
                    .and(DELIVERABLES.STATE.ne("executed"))
                    .and(DELIVERABLES.STATE.ne(outcome))
                    .execute();
        }
        tx.update(EXECUTION_REQUESTS)
                .set(EXECUTION_REQUESTS.STATUS, outcome)
                .where(EXECUTION_REQUESTS.CORRELATION_ID.eq(result.correlationId()))
                .and(EXECUTION_REQUESTS.STATUS.in("pending", "allowed", "failed"))
                .and(EXECUTION_REQUESTS.STATUS.ne(outcome))
                .execute();
    }

    /** What a result status makes of its deliverable and request; null for a status this build does not know. */
    private static String outcome(ExecutionResult.Status status) {
        if (status == null || !status.known()) {
            return null;
        }
        if (status.happened()) {
            return "executed";
        }
        return ExecutionResult.Status.DRY_RUN.equals(status) ? "dry_run" : "failed";
    }

    /** The period part of a run id ({@code <goal_instance_id>:weekly:2026-W48} gives {@code weekly:2026-W48}). */
    void recordAccess(DSLContext tx, AccessRecord access) {
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
                .set(ACCESS_RECORDS.CLIENT_CORRELATION_ID, clip(access.clientCorrelationId(), 128))
                .onConflictDoNothing()
                .execute();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    void recordCommand(DSLContext tx, ExecutionCommand command) {
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

    private static UUID uuidOrNull(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static JSONB json(Object value) {
        return JSONB.valueOf(EventJson.MAPPER.writeValueAsString(value));
    }
}
