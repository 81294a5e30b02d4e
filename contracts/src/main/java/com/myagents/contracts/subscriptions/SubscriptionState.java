package com.myagents.contracts.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What enforcement needs to know of one subscription, keyed by subscription_id on a compacted
 * topic: its status, trial window and caps, the prices of its actions and goal runs, and the paid
 * budget. Caps and budget are hard numbers: absent means zero, and zero allows nothing that costs.
 *
 * @param trialActionsPerDay   external actions a trial may take per day (UTC)
 * @param trialGoalRunsPerDay  metered goal runs a trial may start per day (UTC)
 * @param trialCostMinorPerDay what a trial may spend per day (UTC), actions and goal runs together
 * @param budgetMinorPerMonth  what a paid subscription may spend per calendar month (UTC)
 * @param actionCostsMinor     the price of each external action (an action not listed costs nothing)
 * @param goalRunCostsMinor    the price of a run of each goal template (a template not listed costs nothing)
 * @param trialDryRunActions   actions a trial may take as dry runs only (described, never sent)
 * @param approvalTtlHours     how long an approval lives under the pinned definition (0: no limit of its own)
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
        Instant updatedAt,
        int trialGoalRunsPerDay,
        long trialCostMinorPerDay,
        Map<String, Long> actionCostsMinor,
        Map<String, Long> goalRunCostsMinor,
        List<String> trialDryRunActions,
        int approvalTtlHours) {

    /** A state recorded before dry-run actions and approval lifetimes were part of it. */
    public SubscriptionState(String subscriptionId, String customerId, String agentTypeId, String status,
            String trialStatus, Instant trialStartAt, Instant trialEndAt, int trialActionsPerDay,
            List<String> trialAllowedActions, long budgetMinorPerMonth, Instant updatedAt, int trialGoalRunsPerDay,
            long trialCostMinorPerDay, Map<String, Long> actionCostsMinor, Map<String, Long> goalRunCostsMinor) {
        this(subscriptionId, customerId, agentTypeId, status, trialStatus, trialStartAt, trialEndAt, trialActionsPerDay,
                trialAllowedActions, budgetMinorPerMonth, updatedAt, trialGoalRunsPerDay, trialCostMinorPerDay,
                actionCostsMinor, goalRunCostsMinor, List.of(), 0);
    }

    public boolean allowsInTrial(String action) {
        return trialAllowedActions != null && trialAllowedActions.contains(action);
    }

    public boolean allowsAsTrialDryRun(String action) {
        return trialDryRunActions != null && trialDryRunActions.contains(action);
    }

    public long actionCost(String action) {
        return price(actionCostsMinor, action);
    }

    public long goalRunCost(String goalTemplateId) {
        return price(goalRunCostsMinor, goalTemplateId);
    }

    private static long price(Map<String, Long> prices, String item) {
        if (prices == null || item == null) {
            return 0;
        }
        Long price = prices.get(item);
        return price == null ? 0 : Math.max(0, price);
    }
}
