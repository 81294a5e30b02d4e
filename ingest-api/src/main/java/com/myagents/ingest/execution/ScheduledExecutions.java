package com.myagents.ingest.execution;

import static com.myagents.plant.jooq.generated.Tables.APPROVALS;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;
import com.myagents.plant.status.DeliverableState;

/**
 * The publishing queue: an item approved for a time ({@code scheduled}) is submitted as an
 * execution request on the customer's behalf when that time comes, and passes through
 * enforcement like any other — the approval must still be valid then. The correlation id is
 * derived from the approval, so several instances or a restart submit it once.
 */
public class ScheduledExecutions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledExecutions.class);
    static final String REQUESTER = "scheduler";
    private static final int BATCH = 100;

    private final DSLContext db;
    private final ExecutionRequests requests;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public ScheduledExecutions(DSLContext db, ExecutionRequests requests, Duration interval, Clock clock) {
        this.db = db;
        this.requests = requests;
        this.interval = interval;
        this.clock = clock;
    }

    /** Submits every due scheduled item once; answers how many were submitted. */
    public int submitDue() {
        return db.transactionResult(tx -> {
            DSLContext t = DSL.using(tx);
            OffsetDateTime now = OffsetDateTime.now(clock);
            var due = t.selectFrom(DELIVERABLES)
                    .where(DELIVERABLES.STATE.eq(DeliverableState.SCHEDULED)).and(DELIVERABLES.SCHEDULED_FOR.le(now))
                    .andNotExists(DSL.selectOne().from(EXECUTION_REQUESTS)
                            .where(EXECUTION_REQUESTS.DELIVERABLE_ID.eq(DELIVERABLES.DELIVERABLE_ID))
                            .and(EXECUTION_REQUESTS.REQUESTED_BY.eq(REQUESTER))
                            .and(EXECUTION_REQUESTS.REQUESTED_AT.ge(DELIVERABLES.UPDATED_AT)))
                    .orderBy(DELIVERABLES.SCHEDULED_FOR)
                    .limit(BATCH)
                    .forUpdate().skipLocked()
                    .fetch();
            int submitted = 0;
            for (DeliverablesRecord deliverable : due) {
                String approvalId = t.select(APPROVALS.APPROVAL_ID).from(APPROVALS)
                        .where(APPROVALS.DELIVERABLE_ID.eq(deliverable.getDeliverableId()))
                        .orderBy(APPROVALS.DECIDED_AT.desc()).limit(1)
                        .fetchOptional(APPROVALS.APPROVAL_ID).map(Object::toString).orElse(null);
                String correlationId = "scheduled-" + (approvalId != null ? approvalId : deliverable.getDeliverableId());
                if (requests.submit(t, deliverable, correlationId, null, approvalId, REQUESTER, clock.instant())) {
                    submitted++;
                }
            }
            return submitted;
        });
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scheduled-executions");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            int submitted = submitDue();
            if (submitted > 0) {
                log.info("submitted {} scheduled execution(s)", submitted);
            }
        } catch (RuntimeException e) {
            log.warn("scheduled executions: will retry at the next tick", e);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
