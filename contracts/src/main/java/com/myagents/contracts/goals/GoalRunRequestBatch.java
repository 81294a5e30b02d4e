package com.myagents.contracts.goals;

import java.util.List;

/**
 * Many metered goal runs of one subscription asking enforcement at once, in place of one
 * {@link GoalRunRequest} each: a due minute can hold thousands of runs of one subscription, and one
 * record (one ledger read and write in enforcement) for all of them keeps that minute short.
 * Enforcement decides each run on its own, in the batch's order, exactly as if each had asked
 * alone, and answers each on the goal-run decisions topic. Keyed by subscription_id.
 *
 * @param requests the runs asking, every one of {@code subscriptionId}, in the order they were triggered
 */
public record GoalRunRequestBatch(String subscriptionId, List<GoalRunRequest> requests) {

    public GoalRunRequestBatch {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /** A single run asking, as a batch of one (the older per-run topic's records). */
    public static GoalRunRequestBatch of(GoalRunRequest request) {
        return new GoalRunRequestBatch(request.subscriptionId(), List.of(request));
    }
}
