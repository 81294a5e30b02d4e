package com.myagents.ingest.audit;

import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;

import java.util.List;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.myagents.plant.jooq.generated.tables.records.EnforcementDenialsRecord;
import com.myagents.plant.jooq.generated.tables.records.ExecutionDecisionsRecord;

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
        Condition all = DSL.and(AuditQueries.common(filter, t.CUSTOMER_ID, t.SUBSCRIPTION_ID, t.REASON, t.CORRELATION_ID,
                t.DENIED_AT));
        db.transaction(tx -> {
            try (Cursor<EnforcementDenialsRecord> cursor = tx.dsl().selectFrom(t).where(all)
                    .orderBy(t.DENIED_AT, t.DENIAL_ID).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (EnforcementDenialsRecord r : cursor) {
                    row.accept(AuditQueries.denial(r));
                }
            }
        });
    }

    void decisions(AuditFilter filter, Consumer<DecisionView> row) {
        var t = EXECUTION_DECISIONS;
        List<Condition> where = AuditQueries.common(filter, t.CUSTOMER_ID, t.SUBSCRIPTION_ID, t.REASON, t.CORRELATION_ID,
                t.DECIDED_AT);
        if (filter.outcome() != null) {
            where.add(t.OUTCOME.eq(filter.outcome()));
        }
        db.transaction(tx -> {
            try (Cursor<ExecutionDecisionsRecord> cursor = tx.dsl().selectFrom(t).where(DSL.and(where))
                    .orderBy(t.DECIDED_AT, t.DECISION_ID).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (ExecutionDecisionsRecord r : cursor) {
                    row.accept(AuditQueries.decision(r));
                }
            }
        });
    }
}
