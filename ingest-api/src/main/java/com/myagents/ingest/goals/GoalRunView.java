package com.myagents.ingest.goals;

import java.time.OffsetDateTime;

/**
 * The latest run of a goal, so the customer sees what became of it: {@code completed} (drafted),
 * {@code triggered} (allowed, drafting), or {@code denied} with enforcement's reason (e.g. the
 * trial's goal runs for today are used up) — a denied run is never a silent skip.
 */
public record GoalRunView(
        String runId,
        String periodKey,
        String status,
        String reason,
        String detail,
        Long costMinor,
        OffsetDateTime triggeredAt,
        OffsetDateTime completedAt) {
}
