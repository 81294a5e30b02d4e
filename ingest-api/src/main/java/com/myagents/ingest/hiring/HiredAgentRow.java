package com.myagents.ingest.hiring;

import com.myagents.plant.jooq.generated.tables.records.HiredAgentsRecord;
import com.myagents.plant.jooq.generated.tables.records.SubscriptionsRecord;

/** A hired agent with its subscription and the counts the flags are computed from, as one read. */
public record HiredAgentRow(HiredAgentsRecord agent, SubscriptionsRecord subscription, int goals, int draftsPendingReview) {
}
