package com.myagents.cp.hub;

/**
 * One hired agent as the hub's selector and tabs need it. Timestamps are Plant's ISO-8601 strings,
 * passed on as they came; {@code trialDaysLeft} is derived here (null before a trial starts).
 */
public record InstanceSummary(String subscriptionId, String hiredInstanceId, String nickname, String agentTypeId,
                              String agentTypeVersion, boolean configured, boolean goalsCompleted, int goalsCount,
                              String trialStatus, String trialStartAt, String trialEndAt, Integer trialDaysLeft,
                              String subscriptionStatus, String retentionUntil, boolean readOnly,
                              int draftsPendingReview) {
}
