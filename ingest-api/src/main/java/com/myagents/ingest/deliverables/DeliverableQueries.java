package com.myagents.ingest.deliverables;

import static com.myagents.plant.jooq.generated.Tables.APPROVALS;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_RESULTS;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.serde.EventJson;
import com.myagents.ingest.hiring.HiredInstances;
import com.myagents.plant.jooq.generated.tables.records.ApprovalsRecord;
import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;
import com.myagents.plant.status.DeliverableState;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Reads deliverables with their latest approval and execution: three queries per page, whatever
 * its size (no N+1). Listing only reads; it never generates anything.
 */
@Component
class DeliverableQueries {

    record Filter(String state, UUID goalInstanceId, String platform, String period) {
    }

    record Page(List<DeliverableView> deliverables, int page, int size, long total) {
    }

    private final DSLContext db;
    private final HiredInstances instances;

    DeliverableQueries(DSLContext db, HiredInstances instances) {
        this.db = db;
        this.instances = instances;
    }

    /** 404 unless the instance is the customer's: checked before anything else about a request, so nothing leaks. */
    void requireReadable(UUID customerId, UUID hiredInstanceId) {
        instances.forRead(db, customerId, hiredInstanceId);
    }

    Page list(UUID customerId, UUID hiredInstanceId, Filter filter, int page, int size) {
        Condition where = DELIVERABLES.CUSTOMER_ID.eq(customerId).and(DELIVERABLES.HIRED_INSTANCE_ID.eq(hiredInstanceId));
        if (filter.state() != null) {
            where = where.and(DELIVERABLES.STATE.eq(DeliverableState.of(filter.state())));
        }
        if (filter.goalInstanceId() != null) {
            where = where.and(DELIVERABLES.GOAL_INSTANCE_ID.eq(filter.goalInstanceId()));
        }
        if (filter.period() != null) {
            // every run id ends in its period key (GoalTrigger.runId): any goal's run of that period
            where = where.and(DELIVERABLES.RUN_ID.endsWith(GoalTrigger.runId("", filter.period())));
        }
        if (filter.platform() != null) {
            where = where.and(DSL.jsonbGetAttributeAsText(DELIVERABLES.PAYLOAD, "platform").eq(filter.platform()));
        }
        long total = db.fetchCount(DELIVERABLES, where);
        List<DeliverablesRecord> rows = db.selectFrom(DELIVERABLES).where(where)
                .orderBy(DELIVERABLES.CREATED_AT.desc(), DELIVERABLES.DELIVERABLE_ID)
                .limit(size).offset((long) page * size).fetch();
        return new Page(views(rows), page, size, total);
    }

    Optional<DeliverableView> one(UUID customerId, UUID deliverableId) {
        return db.selectFrom(DELIVERABLES).where(DELIVERABLES.DELIVERABLE_ID.eq(deliverableId))
                .and(DELIVERABLES.CUSTOMER_ID.eq(customerId)).fetchOptional()
                .map(r -> views(List.of(r)).get(0));
    }

    private List<DeliverableView> views(List<DeliverablesRecord> rows) {
        List<UUID> ids = rows.stream().map(DeliverablesRecord::getDeliverableId).toList();
        Map<UUID, ApprovalsRecord> approvals = latestApprovals(ids);
        Map<String, DeliverableView.Execution> executions = latestExecutions(ids);
        return rows.stream().map(r -> view(r, approvals.get(r.getDeliverableId()),
                executions.get(r.getDeliverableId().toString()))).toList();
    }

    private Map<UUID, ApprovalsRecord> latestApprovals(Collection<UUID> ids) {
        return db.selectFrom(APPROVALS).where(APPROVALS.DELIVERABLE_ID.in(ids))
                .orderBy(APPROVALS.DELIVERABLE_ID, APPROVALS.DECIDED_AT.desc())
                .fetch().stream()
                .collect(Collectors.toMap(ApprovalsRecord::getDeliverableId, Function.identity(), (first, older) -> first));
    }

    private Map<String, DeliverableView.Execution> latestExecutions(Collection<UUID> ids) {
        var r = EXECUTION_REQUESTS;
        List<Record> rows = db.select(r.fields()).select(EXECUTION_DECISIONS.REASON)
                .select(EXECUTION_RESULTS.STATUS.as("result_status"), EXECUTION_RESULTS.EXTERNAL_ID,
                        EXECUTION_RESULTS.DETAIL, EXECUTION_RESULTS.COMPLETED_AT)
                .from(r)
                .leftJoin(EXECUTION_DECISIONS).on(EXECUTION_DECISIONS.CORRELATION_ID.eq(r.CORRELATION_ID))
                .leftJoin(EXECUTION_RESULTS).on(EXECUTION_RESULTS.CORRELATION_ID.eq(r.CORRELATION_ID))
                .where(r.DELIVERABLE_ID.in(ids))
                // the latest attempt (a retry says more than the failure before it), but a replay of a
                // used approval says less than the execution it repeated
                .orderBy(r.DELIVERABLE_ID,
                        DSL.when(EXECUTION_DECISIONS.REASON.eq("already_executed"), 1).otherwise(0),
                        r.REQUESTED_AT.desc())
                .fetch();
        return rows.stream().collect(Collectors.toMap(row -> row.get(r.DELIVERABLE_ID).toString(), row -> {
            String resultStatus = row.get("result_status", String.class);
            DeliverableView.Result result = resultStatus == null ? null : new DeliverableView.Result(resultStatus,
                    row.get(EXECUTION_RESULTS.EXTERNAL_ID), row.get(EXECUTION_RESULTS.DETAIL),
                    row.get(EXECUTION_RESULTS.COMPLETED_AT), null);
            return new DeliverableView.Execution(row.get(r.CORRELATION_ID), row.get(r.STATUS).literal(), row.get(r.ACTION),
                    row.get(EXECUTION_DECISIONS.REASON), row.get(r.REQUESTED_AT), row.get(r.DECIDED_AT), result);
        }, (first, older) -> first));
    }

    static DeliverableView view(DeliverablesRecord d, ApprovalsRecord a, DeliverableView.Execution execution) {
        List<String> actions = EventJson.MAPPER.readValue(d.getProposedActions().data(), new TypeReference<List<String>>() { });
        JsonNode payload = EventJson.MAPPER.readTree(d.getPayload().data());
        DeliverableView.Approval approval = a == null ? null : new DeliverableView.Approval(a.getApprovalId().toString(),
                a.getVerdict().literal(), a.getReviewer(), a.getNotes(), a.getDecidedAt(), a.getExpiresAt());
        return new DeliverableView(d.getDeliverableId().toString(), d.getRunId(), str(d.getGoalInstanceId()),
                d.getGoalTemplateId(), d.getHiredInstanceId().toString(), d.getKind(), d.getState().literal(),
                payload, actions, d.getPayloadHash(), d.getSuggestedFor(),
                d.getScheduledFor(), d.getCreatedAt(), d.getUpdatedAt(), approval, withSummary(payload, execution),
                ExecutionSummary.retryable(d.getState(), execution),
                ExecutionSummary.failureReason(d.getState(), execution));
    }

    private static DeliverableView.Execution withSummary(JsonNode payload, DeliverableView.Execution execution) {
        if (execution == null || execution.result() == null) {
            return execution;
        }
        DeliverableView.Result r = execution.result();
        return new DeliverableView.Execution(execution.correlationId(), execution.status(), execution.action(),
                execution.reason(), execution.requestedAt(), execution.decidedAt(), new DeliverableView.Result(r.status(),
                        r.externalId(), r.detail(), r.completedAt(), ExecutionSummary.requestSummary(payload, r.status(), r.detail())));
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
