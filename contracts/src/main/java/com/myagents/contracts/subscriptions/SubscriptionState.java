package com.myagents.contracts.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * What enforcement needs to know of one subscription, keyed by subscription_id on a compacted
 * topic: its status, trial window and caps, and the paid budget.
 */
public record SubscriptionState(
        String subscriptionId,
        String customerId,
        String agentTypeId,
        String status,
        String trialStatus,
        Instant trialStartAt,
        Instant trialEndAt,
        int trialActionsPerDay,
        List<String> trialAllowedActions,
        long budgetMinorPerMonth,
        Instant updatedAt) {
}
