package com.myagents.ingest.audit;

import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Every denial or decision a filter selects, oldest first, handed on one row at a time from a
 * server-side cursor: PostgreSQL sends {@link #FETCH_SIZE} rows at a time inside a read-only
 * transaction (without one the driver would load the whole result), so an export of any size
 * holds one batch in memory.
 */
@Repository
class AuditExports {

    static final int FETCH_SIZE = 500;

    private final DSLContext db;

    AuditExports(DSLContext db) {
        this.db = db;
    }

    void denials(AuditFilter filter, Consumer<DenialView> row) {
        var t = ENFORCEMENT_DENIALS;
        List<Condition> where = AuditQueries.common(filter, t.CUSTOMER_ID, t.SUBSCRIPTION_ID, t.REASON, t.CORRELATION_ID,
                t.DENIED_AT);
        oldestFirst(t, where, List.of(t.DENIED_AT, t.DENIAL_ID), AuditQueries::denial, row);
    }

    void decisions(AuditFilter filter, Consumer<DecisionView> row) {
        var t = EXECUTION_DECISIONS;
        List<Condition> where = AuditQueries.common(filter, t.CUSTOMER_ID, t.SUBSCRIPTION_ID, t.REASON, t.CORRELATION_ID,
                t.DECIDED_AT);
        AuditQueries.equalWhenGiven(where, t.OUTCOME, filter.outcome());
        oldestFirst(t, where, List.of(t.DECIDED_AT, t.DECISION_ID), AuditQueries::decision, row);
    }

    private <R extends Record, V> void oldestFirst(Table<R> table, List<Condition> where, List<? extends OrderField<?>> order,
                                                   Function<R, V> view, Consumer<V> row) {
        db.transaction(tx -> {
            try (Cursor<R> cursor = tx.dsl().selectFrom(table).where(DSL.and(where))
                    .orderBy(order).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (R r : cursor) {
                    row.accept(view.apply(r));
                }
            }
        });
    }
}
