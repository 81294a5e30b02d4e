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
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.myagents.contracts.serde.EventJson;
import com.myagents.ingest.ops.CustomerDirectory;
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
        Condition all = DSL.and(common(filter, t.CUSTOMER_ID, t.SUBSCRIPTION_ID, t.REASON, t.CORRELATION_ID, t.DENIED_AT));
        List<DenialView> items = db.selectFrom(t).where(all)
                .orderBy(t.DENIED_AT.desc(), t.DENIAL_ID)
                .limit(filter.paging().size()).offset(filter.paging().offset())
                .fetch(AuditQueries::denial);
        Map<String, String> names = customers.namesOf(items.stream().map(DenialView::customerId).toList());
        items = items.stream().map(d -> d.named(names.get(d.customerId()))).toList();
        return new Page<>(items, filter.paging().page(), filter.paging().size(), db.fetchCount(t, all));
    }

    public Page<DecisionView> decisions(AuditFilter filter) {
        var t = EXECUTION_DECISIONS;
        List<Condition> where = common(filter, t.CUSTOMER_ID, t.SUBSCRIPTION_ID, t.REASON, t.CORRELATION_ID, t.DECIDED_AT);
        if (filter.outcome() != null) {
            where.add(t.OUTCOME.eq(filter.outcome()));
        }
        Condition all = DSL.and(where);
        List<DecisionView> items = db.selectFrom(t).where(all)
                .orderBy(t.DECIDED_AT.desc(), t.DECISION_ID)
                .limit(filter.paging().size()).offset(filter.paging().offset())
                .fetch(AuditQueries::decision);
        Map<String, String> names = customers.namesOf(items.stream().map(DecisionView::customerId).toList());
        items = items.stream().map(d -> d.named(names.get(d.customerId()))).toList();
        return new Page<>(items, filter.paging().page(), filter.paging().size(), db.fetchCount(t, all));
    }

    /** The filters denials and decisions share, on the columns each table names them by. */
    static List<Condition> common(AuditFilter filter, Field<String> customer, Field<String> subscription,
                                          Field<String> reason, Field<String> correlation, Field<OffsetDateTime> at) {
        List<Condition> where = new ArrayList<>();
        if (filter.customerId() != null) {
            where.add(customer.eq(filter.customerId()));
        }
        if (filter.subscriptionId() != null) {
            where.add(subscription.eq(filter.subscriptionId()));
        }
        if (filter.reason() != null) {
            where.add(reason.eq(filter.reason()));
        }
        if (filter.correlationId() != null) {
            where.add(correlation.eq(filter.correlationId()));
        }
        if (filter.from() != null) {
            where.add(at.ge(filter.from()));
        }
        if (filter.to() != null) {
            where.add(at.lt(filter.to()));
        }
        return where;
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
