package com.myagents.ingest.hiring;

import static com.myagents.ingest.hiring.HiredAgentCounts.GOALS;
import static com.myagents.ingest.hiring.HiredAgentCounts.PENDING;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Reads of hired agents, always scoped to one customer: another customer's rows do not exist here. */
@Repository
public class HiredAgentRepository {

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
