package com.myagents.contracts.goals;

import java.time.Instant;

/**
 * One due run of one goal. {@code run_id} is the goal instance id plus the period key
 * ({@code daily:2026-11-27}, {@code weekly:2026-W48}, {@code monthly:2026-11}, or the request id for
 * on-demand runs), so a retry or a restart cannot make a second run for the same period.
 * {@code redraft} is set when the customer asked for one post to be written again: the run drafts
 * that one post only, and its draft supersedes the old one. Absent (null) for every other run.
 */
public record GoalTrigger(
        String runId,
        String goalInstanceId,
        String goalTemplateId,
        String hiredInstanceId,
        String subscriptionId,
        String customerId,
        String periodKey,
        Instant dueAt,
        Redraft redraft) {

    /** A run of the whole goal (not a redraft). */
    public GoalTrigger(String runId, String goalInstanceId, String goalTemplateId, String hiredInstanceId,
            String subscriptionId, String customerId, String periodKey, Instant dueAt) {
        this(runId, goalInstanceId, goalTemplateId, hiredInstanceId, subscriptionId, customerId, periodKey, dueAt, null);
    }

    /** The run id of a goal's run for one period: one run per goal and period, however often it is asked for. */
    public static String runId(String goalInstanceId, String periodKey) {
        return goalInstanceId + ":" + periodKey;
    }

    /** The period key of a run someone asked for: the request id makes a retried request run once. */
    public static String onDemandPeriod(String requestId) {
        return "on_demand:" + requestId;
    }

    /** The period key in {@code runId} of a run of {@code goalInstanceId}; the whole id if it is not one. */
    public static String periodKeyOf(String runId, String goalInstanceId) {
        String prefix = goalInstanceId + ":";
        return runId.startsWith(prefix) && runId.length() > prefix.length() ? runId.substring(prefix.length()) : runId;
    }

    /**
     * The post to write again: the draft it replaces ({@code supersedes}, a deliverable id), its
     * platform, its topic, when it was meant to go out, the media-library image the customer
     * attached to it ({@code mediaId}, kept on the new draft; null for none) and the message it had
     * ({@code previousText}: a post written again should not say the same).
     */
    public record Redraft(String supersedes, String platform, String topic, Instant suggestedFor, String mediaId,
            String previousText) {
    }
}
