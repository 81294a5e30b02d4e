package com.myagents.cp.hub;

/**
 * One hired agent as the hub's selector and tabs need it, with its plan (trial, paid with its
 * budget and this month's spend, or none) and the terms its definition promises. Timestamps are Plant's ISO-8601 strings,
 * passed on as they came; {@code trialDaysLeft} is derived here (null before a trial starts).
 */
public record InstanceSummary(String subscriptionId, String hiredInstanceId, String nickname, String agentTypeId,
                              String agentTypeVersion, boolean configured, boolean goalsCompleted, int goalsCount,
                              String trialStatus, String trialStartAt, String trialEndAt, Integer trialDaysLeft,
                              String subscriptionStatus, String retentionUntil, boolean readOnly,
                              int draftsPendingReview, String plan, Long budgetMinorPerMonth,
                              long maxBudgetMinorPerMonth, String currency, long monthSpendMinor, String endedAt,
                              int approvalTtlHours, int retentionDays) {
}
