package com.myagents.contracts.goals;

import java.time.Instant;

/**
 * The goal runner asking enforcement whether a metered goal run may start, before it generates
 * anything. Keyed by subscription_id, so it meets the subscription's budget state in one task.
 * Asking twice for one run_id is harmless: enforcement answers with its first decision.
 */
public record GoalRunRequest(GoalTrigger trigger, Instant requestedAt) {

    public String runId() {
        return trigger.runId();
    }

    public String subscriptionId() {
        return trigger.subscriptionId();
    }
}
