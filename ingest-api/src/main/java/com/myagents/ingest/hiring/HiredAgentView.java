package com.myagents.ingest.hiring;

import java.time.OffsetDateTime;
import java.util.List;

import com.myagents.http.problem.Violation;
import com.myagents.plant.status.TrialStatus;

import tools.jackson.databind.JsonNode;

/**
 * A hired agent instance as CP shows it: its config (refs only) and the flags Plant computes —
 * {@code configured} from the pinned definition, {@code goals_completed} from the goals; the plan
 * (trial, paid with its monthly budget and this month's spend, or none) and the terms the
 * definition promises (approval lifetime, retention after cancelling).
 */
public record HiredAgentView(
        String hiredInstanceId,
        String subscriptionId,
        String agentTypeId,
        String agentTypeVersion,
        String nickname,
        JsonNode config,
        boolean configured,
        List<Violation> configViolations,
        int goalsCount,
        boolean goalsCompleted,
        OffsetDateTime finalizedAt,
        String subscriptionStatus,
        String trialStatus,
        OffsetDateTime trialStartAt,
        OffsetDateTime trialEndAt,
        OffsetDateTime retentionUntil,
        boolean readOnly,
        int draftsPendingReview,
        String plan,
        Long budgetMinorPerMonth,
        long maxBudgetMinorPerMonth,
        String currency,
        long monthSpendMinor,
        OffsetDateTime endedAt,
        int approvalTtlHours,
        int retentionDays) {

    /** {@code trial} (open or ended, unconverted), {@code paid}, or {@code none} (no trial granted, not subscribed). */
    static String planOf(TrialStatus trialStatus) {
        return switch (trialStatus) {
            case ENDED_CONVERTED -> "paid";
            case NOT_ELIGIBLE -> "none";
            case NOT_STARTED, ACTIVE, ENDED_NOT_CONVERTED -> "trial";
        };
    }
}
