package com.myagents.plant.materializer;

import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.GOAL_RUNS;
import static com.myagents.plant.materializer.RowValues.at;
import static com.myagents.plant.materializer.RowValues.json;
import static com.myagents.plant.materializer.RowValues.uuidOrNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.plant.jooq.generated.tables.records.GoalRunsRecord;
import com.myagents.plant.status.DeliverableState;
import com.myagents.plant.status.GoalRunStatus;

/**
 * Writes the goal runner's outputs and what enforcement decided about goal runs: drafts (and the
 * drafts they supersede), goal-run decisions and settlements. Like {@link StreamOutputRows}, every
 * write is keyed by the event's own id and conditional: a replay changes nothing, and a run or a
 * deliverable only ever moves forward.
 */
class GoalRunRows {

    /** Payload key of a post written again: the deliverable id of the draft it replaces (the goal runner's). */
    static final String SUPERSEDES = "supersedes";
    /** A draft that has not gone out and is not on its way: it can be replaced by a post written again. */
    static final Set<DeliverableState> SUPERSEDABLE = EnumSet.of(DeliverableState.DRAFT, DeliverableState.PENDING_REVIEW,
            DeliverableState.APPROVED, DeliverableState.REJECTED, DeliverableState.FAILED, DeliverableState.DRY_RUN);

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
                .set(DELIVERABLES.STATE, DeliverableState.PENDING_REVIEW)
                .set(DELIVERABLES.PAYLOAD, json(draft.payload() == null ? Map.of() : draft.payload()))
                .set(DELIVERABLES.PROPOSED_ACTIONS, json(draft.proposedActions() == null ? List.of() : draft.proposedActions()))
                .set(DELIVERABLES.PAYLOAD_HASH, draft.payloadHash())
                .set(DELIVERABLES.SUGGESTED_FOR, at(draft.suggestedFor()))
                .set(DELIVERABLES.CREATED_AT, createdAt)
                .set(DELIVERABLES.UPDATED_AT, createdAt)
                .onConflictDoNothing()
                .execute();
    }

    /** A draft's run is completed by it (inserted completed when no decision wrote the run first). */
    void completeRun(DSLContext tx, DeliverableDraft draft) {
        OffsetDateTime createdAt = at(draft.createdAt() == null ? Instant.now() : draft.createdAt());
        UUID goalInstanceId = draft.goalInstanceId() == null ? null : UUID.fromString(draft.goalInstanceId());
        if (draft.runId() != null && goalInstanceId != null) {
            completedRun(tx, draft.runId(), goalInstanceId, draft.goalInstanceId(), createdAt)
                    .onConflict(GOAL_RUNS.RUN_ID)
                    .doUpdate()
                    .set(GOAL_RUNS.STATUS, GoalRunStatus.COMPLETED)
                    .set(GOAL_RUNS.COMPLETED_AT, createdAt)
                    .where(GOAL_RUNS.STATUS.eq(GoalRunStatus.TRIGGERED))
                    .execute();
        }
    }

    /**
     * A post written again names the draft it replaces: that draft is superseded, unless it has
     * gone out (or is going out) already. Only a draft of the same customer and instance can be.
     */
    void supersede(DSLContext tx, DeliverableDraft draft) {
        Object named = draft.payload() == null ? null : draft.payload().get(SUPERSEDES);
        UUID old = named instanceof String id ? uuidOrNull(id) : null;
        if (old == null || old.toString().equals(draft.deliverableId())) {
            return;
        }
        tx.update(DELIVERABLES)
                .set(DELIVERABLES.STATE, DeliverableState.SUPERSEDED)
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
        completedRun(tx, settlement.runId(), goalInstanceId, settlement.goalInstanceId(), settledAt)
                .set(GOAL_RUNS.SETTLED_COST_MINOR, settled)
                .set(GOAL_RUNS.COST_MINOR, settled)
                .onConflict(GOAL_RUNS.RUN_ID)
                .doUpdate()
                .set(GOAL_RUNS.SETTLED_COST_MINOR, settled)
                .set(GOAL_RUNS.COST_MINOR, DSL.least(DSL.val(settled, GOAL_RUNS.COST_MINOR), GOAL_RUNS.COST_MINOR))
                .execute();
    }

    /** The insert of a run that its drafts or its settlement show completed (when no decision wrote it first). */
    private static InsertSetMoreStep<GoalRunsRecord> completedRun(DSLContext tx, String runId, UUID goalInstanceId,
                                                                  String goalInstanceIdAsSent, OffsetDateTime completedAt) {
        return tx.insertInto(GOAL_RUNS)
                .set(GOAL_RUNS.RUN_ID, runId)
                .set(GOAL_RUNS.GOAL_INSTANCE_ID, goalInstanceId)
                .set(GOAL_RUNS.PERIOD_KEY, GoalTrigger.periodKeyOf(runId, goalInstanceIdAsSent))
                .set(GOAL_RUNS.STATUS, GoalRunStatus.COMPLETED)
                .set(GOAL_RUNS.COMPLETED_AT, completedAt);
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
        GoalRunStatus status = decision.allowed() ? GoalRunStatus.TRIGGERED : decision.skipped() ? GoalRunStatus.SKIPPED : GoalRunStatus.DENIED;
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
                .set(GOAL_RUNS.STATUS, DSL.when(GOAL_RUNS.STATUS.eq(GoalRunStatus.TRIGGERED), DSL.inline(status, GOAL_RUNS.STATUS)).otherwise(GOAL_RUNS.STATUS))
                .set(GOAL_RUNS.COMPLETED_AT, DSL.when(GOAL_RUNS.STATUS.eq(GoalRunStatus.TRIGGERED), DSL.val(open ? null : decidedAt, GOAL_RUNS.COMPLETED_AT))
                        .otherwise(GOAL_RUNS.COMPLETED_AT))
                .set(GOAL_RUNS.REASON, DSL.when(GOAL_RUNS.STATUS.eq(GoalRunStatus.TRIGGERED), DSL.val(decision.reason().code(), GOAL_RUNS.REASON))
                        .otherwise(GOAL_RUNS.REASON))
                .set(GOAL_RUNS.DETAIL, DSL.when(GOAL_RUNS.STATUS.eq(GoalRunStatus.TRIGGERED), DSL.val(decision.detail(), GOAL_RUNS.DETAIL)).otherwise(GOAL_RUNS.DETAIL))
                // a run skipped after it was allowed keeps the price it was charged; a run already
                // settled (its drafts and settlement came first) shows the settled cost, within the price
                .set(GOAL_RUNS.COST_MINOR, decision.skipped() ? GOAL_RUNS.COST_MINOR
                        : DSL.when(GOAL_RUNS.SETTLED_COST_MINOR.isNotNull(),
                                DSL.least(GOAL_RUNS.SETTLED_COST_MINOR, DSL.val(decision.costMinor(), GOAL_RUNS.COST_MINOR)))
                                .when(GOAL_RUNS.STATUS.eq(GoalRunStatus.TRIGGERED).or(GOAL_RUNS.COST_MINOR.isNull()),
                                        DSL.val(decision.costMinor(), GOAL_RUNS.COST_MINOR))
                                .otherwise(GOAL_RUNS.COST_MINOR))
                .execute();
    }
}
