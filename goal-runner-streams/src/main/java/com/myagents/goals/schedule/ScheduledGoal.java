package com.myagents.goals.schedule;

import java.time.Instant;

import com.myagents.contracts.goals.GoalChange;

/**
 * The scheduler's state of one goal: its latest definition, the last period it emitted a trigger
 * for (the idempotency mark that survives restarts through the store's changelog), and when it is
 * next due ({@code null}: not scheduled, because disabled, on-demand or invalid).
 */
public record ScheduledGoal(GoalChange goal, String lastPeriodKey, Instant nextDueAt) {

    public ScheduledGoal withNextDue(Instant next) {
        return new ScheduledGoal(goal, lastPeriodKey, next);
    }

    public ScheduledGoal ran(String periodKey, Instant next) {
        return new ScheduledGoal(goal, periodKey, next);
    }
}
