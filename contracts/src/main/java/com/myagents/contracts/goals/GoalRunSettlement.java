package com.myagents.contracts.goals;

import java.time.Instant;

/**
 * What a metered goal run really cost, from the goal runner once it generated: the tokens a model
 * used, priced ({@code costMinor}), or 0 when the template wrote everything. Keyed by
 * subscription_id, so it reaches the enforcement task that holds the subscription's ledger, where
 * the price charged when the run was allowed is replaced by this cost (never more than the price:
 * the customer never pays more than they were shown). Settling a run twice changes nothing.
 */
public record GoalRunSettlement(
        String runId,
        String subscriptionId,
        String goalInstanceId,
        long costMinor,
        long promptTokens,
        long completionTokens,
        String generator,
        Instant settledAt) {
}
