package com.myagents.ingest.hiring;

import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.GOAL_INSTANCES;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import com.myagents.plant.status.DeliverableState;

/** Reads of hired agents, always scoped to one customer: another customer's rows do not exist here. */
@Repository
public class HiredAgentRepository {

    private static final Field<Integer> GOALS = DSL.field(DSL.selectCount().from(GOAL_INSTANCES)
            .where(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(HIRED_AGENTS.HIRED_INSTANCE_ID))).as("goals");
    private static final Field<Integer> PENDING = DSL.field(DSL.selectCount().from(DELIVERABLES)
            .where(DELIVERABLES.HIRED_INSTANCE_ID.eq(HIRED_AGENTS.HIRED_INSTANCE_ID))
            .and(DELIVERABLES.STATE.eq(DeliverableState.PENDING_REVIEW))).as("pending");

    private final DSLContext db;

    HiredAgentRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<HiredAgentRow> byInstance(DSLContext tx, UUID customerId, UUID hiredInstanceId) {
        return rows(tx, HIRED_AGENTS.CUSTOMER_ID.eq(customerId).and(HIRED_AGENTS.HIRED_INSTANCE_ID.eq(hiredInstanceId)))
                .stream().findFirst();
    }

    public Optional<HiredAgentRow> bySubscription(DSLContext tx, UUID customerId, UUID subscriptionId) {
        return rows(tx, HIRED_AGENTS.CUSTOMER_ID.eq(customerId).and(HIRED_AGENTS.SUBSCRIPTION_ID.eq(subscriptionId)))
                .stream().findFirst();
    }

    public List<HiredAgentRow> all(UUID customerId) {
        return rows(db, HIRED_AGENTS.CUSTOMER_ID.eq(customerId));
    }

    private static List<HiredAgentRow> rows(DSLContext tx, Condition where) {
        return tx.select(HIRED_AGENTS.fields()).select(SUBSCRIPTIONS.fields()).select(GOALS, PENDING)
                .from(HIRED_AGENTS).join(SUBSCRIPTIONS).on(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(HIRED_AGENTS.SUBSCRIPTION_ID))
                .where(where)
                .orderBy(SUBSCRIPTIONS.CREATED_AT, HIRED_AGENTS.HIRED_INSTANCE_ID)
                .fetch(HiredAgentRepository::toRow);
    }

    private static HiredAgentRow toRow(Record r) {
        return new HiredAgentRow(r.into(HIRED_AGENTS), r.into(SUBSCRIPTIONS), r.get(GOALS), r.get(PENDING));
    }
}
