package com.myagents.ingest.hiring;

import static com.myagents.plant.jooq.generated.Tables.EXECUTION_RESULTS;
import static com.myagents.plant.jooq.generated.Tables.GOAL_INSTANCES;
import static com.myagents.plant.jooq.generated.Tables.GOAL_RUNS;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.myagents.plant.status.GoalRunStatus;

/**
 * What a subscription has spent this calendar month (UTC, as enforcement's budget ledger counts
 * it): executed actions at their settled cost, plus goal runs that were charged.
 */
final class MonthSpend {

    private MonthSpend() {
    }

    static long of(DSLContext db, UUID subscriptionId, UUID hiredInstanceId, OffsetDateTime now) {
        OffsetDateTime monthStart = now.withOffsetSameInstant(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay().atOffset(ZoneOffset.UTC);
        BigDecimal actions = db.select(DSL.coalesce(DSL.sum(EXECUTION_RESULTS.COST_MINOR), BigDecimal.ZERO))
                .from(EXECUTION_RESULTS)
                .where(EXECUTION_RESULTS.SUBSCRIPTION_ID.eq(subscriptionId.toString()))
                .and(EXECUTION_RESULTS.STATUS.eq("executed"))
                .and(EXECUTION_RESULTS.COMPLETED_AT.ge(monthStart))
                .fetchOne(0, BigDecimal.class);
        BigDecimal runs = db.select(DSL.coalesce(DSL.sum(GOAL_RUNS.COST_MINOR), BigDecimal.ZERO))
                .from(GOAL_RUNS)
                .join(GOAL_INSTANCES).on(GOAL_INSTANCES.GOAL_INSTANCE_ID.eq(GOAL_RUNS.GOAL_INSTANCE_ID))
                .where(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(hiredInstanceId))
                .and(GOAL_RUNS.STATUS.in(GoalRunStatus.TRIGGERED, GoalRunStatus.COMPLETED))
                .and(GOAL_RUNS.TRIGGERED_AT.ge(monthStart))
                .fetchOne(0, BigDecimal.class);
        return (actions == null ? 0 : actions.longValue()) + (runs == null ? 0 : runs.longValue());
    }
}
