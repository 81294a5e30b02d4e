package com.myagents.ingest.audit;

import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.myagents.contracts.serde.EventJson;
import com.myagents.ingest.ops.CustomerDirectory;
import com.myagents.ingest.ops.Paging;
import com.myagents.plant.jooq.generated.tables.records.EnforcementDenialsRecord;
import com.myagents.plant.jooq.generated.tables.records.ExecutionDecisionsRecord;

import tools.jackson.databind.JsonNode;

/**
 * Decisions and denials as plant-store materialized them, filtered and paged, newest first, each
 * with the customer's display name when the {@link CustomerDirectory} knows it (exports stay ids only).
 */
@Repository
public class AuditQueries {

    public record Page<T>(List<T> items, int page, int size, int total) {
    }

    private final DSLContext db;
    private final CustomerDirectory customers;

    public AuditQueries(DSLContext db, CustomerDirectory customers) {
        this.db = db;
        this.customers = customers;
    }

    public Page<DenialView> denials(AuditFilter filter) {
        var t = ENFORCEMENT_DENIALS;
        List<Condition> where = common(filter, t.CUSTOMER_ID, t.SUBSCRIPTION_ID, t.REASON, t.CORRELATION_ID, t.DENIED_AT);
        return newestFirst(t, where, List.of(t.DENIED_AT.desc(), t.DENIAL_ID), AuditQueries::denial, filter.paging());
    }

    public Page<DecisionView> decisions(AuditFilter filter) {
        var t = EXECUTION_DECISIONS;
        List<Condition> where = common(filter, t.CUSTOMER_ID, t.SUBSCRIPTION_ID, t.REASON, t.CORRELATION_ID, t.DECIDED_AT);
        equalWhenGiven(where, t.OUTCOME, filter.outcome());
        return newestFirst(t, where, List.of(t.DECIDED_AT.desc(), t.DECISION_ID), AuditQueries::decision, filter.paging());
    }

    private <R extends Record, V extends CustomerNamed<V>> Page<V> newestFirst(Table<R> table, List<Condition> where,
            List<? extends OrderField<?>> order, RecordMapper<? super R, V> view, Paging paging) {
        Condition all = DSL.and(where);
        List<V> items = db.selectFrom(table).where(all)
                .orderBy(order)
                .limit(paging.size()).offset(paging.offset())
                .fetch(view);
        Map<String, String> names = customers.namesOf(items.stream().map(v -> v.customerId()).toList());
        items = items.stream().map(v -> v.named(names.get(v.customerId()))).toList();
        return new Page<>(items, paging.page(), paging.size(), db.fetchCount(table, all));
    }

    /** The filters denials and decisions share, on the columns each table names them by. */
    static List<Condition> common(AuditFilter filter, Field<String> customer, Field<String> subscription,
                                          Field<String> reason, Field<String> correlation, Field<OffsetDateTime> at) {
        List<Condition> where = new ArrayList<>();
        equalWhenGiven(where, customer, filter.customerId());
        equalWhenGiven(where, subscription, filter.subscriptionId());
        equalWhenGiven(where, reason, filter.reason());
        equalWhenGiven(where, correlation, filter.correlationId());
        if (filter.from() != null) {
            where.add(at.ge(filter.from()));
        }
        if (filter.to() != null) {
            where.add(at.lt(filter.to()));
        }
        return where;
    }

    /** A filter left out narrows nothing. */
    static void equalWhenGiven(List<Condition> where, Field<String> column, String value) {
        if (value != null) {
            where.add(column.eq(value));
        }
    }

    static DenialView denial(EnforcementDenialsRecord r) {
        return new DenialView(r.getDenialId().toString(), r.getCorrelationId(), r.getSubscriptionId(), r.getCustomerId(),
                r.getDeliverableId(), r.getAction(), r.getReason(), r.getDetail(), json(r.getInputs()),
                r.getPolicyVersion(), r.getDeniedAt(), null);
    }

    static DecisionView decision(ExecutionDecisionsRecord r) {
        return new DecisionView(r.getDecisionId().toString(), r.getCorrelationId(), r.getDeliverableId(),
                r.getSubscriptionId(), r.getCustomerId(), r.getAction(), r.getApprovalId(), r.getOutcome(), r.getReason(),
                r.getDetail(), json(r.getChecks()), json(r.getInputs()), r.getPolicyVersion(), r.getDecidedAt(), null);
    }

    private static JsonNode json(JSONB value) {
        return EventJson.MAPPER.readTree(value == null ? "null" : value.data());
    }
}
