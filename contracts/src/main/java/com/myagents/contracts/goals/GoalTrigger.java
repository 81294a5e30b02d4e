package com.myagents.contracts.goals;

import java.time.Instant;

/**
 * One due run of one goal. {@code run_id} is the goal instance id plus the period key
 * ({@code daily:2026-11-27}, {@code weekly:2026-W48}, {@code monthly:2026-11}, or the request id for
 * on-demand runs), so a retry or a restart cannot make a second run for the same period.
 */
public record GoalTrigger(
        String runId,
        String goalInstanceId,
        String goalTemplateId,
        String hiredInstanceId,
        String subscriptionId,
        String customerId,
        String periodKey,
        Instant dueAt) {
}
