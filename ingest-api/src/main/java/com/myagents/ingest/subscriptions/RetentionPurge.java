package com.myagents.ingest.subscriptions;

import static com.myagents.plant.jooq.generated.Tables.APPROVALS;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.GOAL_INSTANCES;
import static com.myagents.plant.jooq.generated.Tables.GOAL_RUNS;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.myagents.plant.status.SubscriptionStatus;

/**
 * Deletes a cancelled subscription's customer data once its retention has passed: the hired
 * instance (config, refs only), goals and their runs, drafts, approvals and execution requests.
 * The subscription row stays, marked {@code ended}, so billing history and the one-trial rule
 * still see it; audit records (decisions, denials, access records) keep their own retention.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final DSLContext db;
    private final Clock clock;

    RetentionPurge(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${myagents.retention.purge-interval:PT1H}",
            initialDelayString = "${myagents.retention.purge-initial-delay:PT1M}")
    void purgeDue() {
        purgeExpired(OffsetDateTime.now(clock));
    }

    /** Purges every subscription whose retention ended before {@code now}; returns their ids. */
    public List<UUID> purgeExpired(OffsetDateTime now) {
        List<UUID> due = db.select(SUBSCRIPTIONS.SUBSCRIPTION_ID).from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.STATUS.eq(SubscriptionStatus.CANCELLED))
                .and(SUBSCRIPTIONS.RETENTION_UNTIL.lt(now))
                .fetch(SUBSCRIPTIONS.SUBSCRIPTION_ID);
        due.forEach(this::purge);
        if (!due.isEmpty()) {
            log.info("purged the data of {} subscription(s) past their retention", due.size());
        }
        return due;
    }

    private void purge(UUID subscriptionId) {
        db.transaction(tx -> {
            DSLContext t = DSL.using(tx);
            var deliverables = DSL.select(DELIVERABLES.DELIVERABLE_ID).from(DELIVERABLES)
                    .where(DELIVERABLES.SUBSCRIPTION_ID.eq(subscriptionId));
            var instances = DSL.select(HIRED_AGENTS.HIRED_INSTANCE_ID).from(HIRED_AGENTS)
                    .where(HIRED_AGENTS.SUBSCRIPTION_ID.eq(subscriptionId));
            var goals = DSL.select(GOAL_INSTANCES.GOAL_INSTANCE_ID).from(GOAL_INSTANCES)
                    .where(GOAL_INSTANCES.HIRED_INSTANCE_ID.in(instances));
            t.deleteFrom(APPROVALS).where(APPROVALS.DELIVERABLE_ID.in(deliverables)).execute();
            t.deleteFrom(EXECUTION_REQUESTS).where(EXECUTION_REQUESTS.DELIVERABLE_ID.in(deliverables)).execute();
            t.deleteFrom(DELIVERABLES).where(DELIVERABLES.SUBSCRIPTION_ID.eq(subscriptionId)).execute();
            t.deleteFrom(GOAL_RUNS).where(GOAL_RUNS.GOAL_INSTANCE_ID.in(goals)).execute();
            t.deleteFrom(GOAL_INSTANCES).where(GOAL_INSTANCES.HIRED_INSTANCE_ID.in(instances)).execute();
            t.deleteFrom(HIRED_AGENTS).where(HIRED_AGENTS.SUBSCRIPTION_ID.eq(subscriptionId)).execute();
            t.update(SUBSCRIPTIONS).set(SUBSCRIPTIONS.STATUS, SubscriptionStatus.ENDED)
                    .where(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(subscriptionId)).execute();
        });
    }
}
