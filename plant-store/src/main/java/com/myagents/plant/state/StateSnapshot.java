package com.myagents.plant.state;

import static com.myagents.plant.jooq.generated.Tables.AGENT_TYPE_DEFINITIONS;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the state of every hired agent and subscription once, so that the compacted state
 * topics hold rows that were written without an event (seeded demo data, rows from before a
 * topic existed). Re-publishing the same state is harmless: the topics are compacted by id and
 * their consumers keep only the latest value.
 */
public final class StateSnapshot {

    private static final Logger log = LoggerFactory.getLogger(StateSnapshot.class);
    private static final int BATCH = 500;

    private final DSLContext db;
    private final PlantStateEvents events;

    public StateSnapshot(DSLContext db, PlantStateEvents events) {
        this.db = db;
        this.events = events;
    }

    public int publishAll() {
        int published = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            var page = db.select(HIRED_AGENTS.fields()).select(SUBSCRIPTIONS.fields())
                    .select(AGENT_TYPE_DEFINITIONS.ENFORCEMENT_DEFAULTS)
                    .from(HIRED_AGENTS)
                    .join(SUBSCRIPTIONS).on(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(HIRED_AGENTS.SUBSCRIPTION_ID))
                    .join(AGENT_TYPE_DEFINITIONS).on(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID.eq(HIRED_AGENTS.AGENT_TYPE_ID)
                            .and(AGENT_TYPE_DEFINITIONS.VERSION.eq(HIRED_AGENTS.AGENT_TYPE_VERSION)))
                    .where(HIRED_AGENTS.HIRED_INSTANCE_ID.gt(from))
                    .orderBy(HIRED_AGENTS.HIRED_INSTANCE_ID)
                    .limit(BATCH)
                    .fetch();
            if (page.isEmpty()) {
                break;
            }
            db.transaction(tx -> {
                for (Record row : page) {
                    events.publish(DSL.using(tx), row.into(HIRED_AGENTS), row.into(SUBSCRIPTIONS),
                            PlantStateEvents.json(row.get(AGENT_TYPE_DEFINITIONS.ENFORCEMENT_DEFAULTS)));
                }
            });
            published += page.size();
            after = page.get(page.size() - 1).get(HIRED_AGENTS.HIRED_INSTANCE_ID);
        }
        log.info("published the state of {} hired agents and their subscriptions", published);
        return published;
    }
}
