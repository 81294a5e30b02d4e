package com.myagents.ingest.hiring;

import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.GOAL_INSTANCES;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;

import org.jooq.Field;
import org.jooq.impl.DSL;

import com.myagents.plant.status.DeliverableState;

/**
 * What a hired agent's card counts, as subqueries on the {@code hired_agents} row of a select: the
 * customer's own list and support's search show the same numbers.
 */
public final class HiredAgentCounts {

    /** Its goals. */
    public static final Field<Integer> GOALS = DSL.field(DSL.selectCount().from(GOAL_INSTANCES)
            .where(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(HIRED_AGENTS.HIRED_INSTANCE_ID))).as("goals");
    /** Its deliverables waiting for a review. */
    public static final Field<Integer> PENDING = DSL.field(DSL.selectCount().from(DELIVERABLES)
            .where(DELIVERABLES.HIRED_INSTANCE_ID.eq(HIRED_AGENTS.HIRED_INSTANCE_ID))
            .and(DELIVERABLES.STATE.eq(DeliverableState.PENDING_REVIEW))).as("pending");

    private HiredAgentCounts() {
    }
}
