package com.myagents.goals.schedule;

import java.time.Instant;

import com.myagents.contracts.goals.GoalChange;

/**
 * The scheduler's state of one goal: its latest definition, the last period it emitted a trigger
 * for (the idempotency mark that survives restarts through the store's changelog), when it is
 * next due ({@code null}: not scheduled, because disabled, on-demand or invalid), and the time zone
 * that due time was computed in (a goal without its own zone follows its instance's, so a change
 * of the instance's zone is noticed by comparing it with this one).
 */
public record ScheduledGoal(GoalChange goal, String lastPeriodKey, Instant nextDueAt, String zone) {

    public ScheduledGoal withNextDue(Instant next, String inZone) {
        return new ScheduledGoal(goal, lastPeriodKey, next, inZone);
    }

    public ScheduledGoal ran(String periodKey, Instant next, String inZone) {
        return new ScheduledGoal(goal, periodKey, next, inZone);
    }

    /** Whether the goal names its own time zone; otherwise it follows its instance's. */
    public boolean ownZone() {
        return goal.timezone() != null && !goal.timezone().isBlank();
    }
}
