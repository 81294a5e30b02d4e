package com.myagents.goals.schedule;

import com.myagents.goals.runs.SkipReason;

/**
 * What the scheduler does with a goal whose due time has come: {@link Fire} one trigger for the
 * period, or {@link Skip} it because the period already has its trigger. Whether the instance and
 * the goal may run is not the scheduler's to decide: the drafter decides it for scheduled and
 * requested runs alike and records a run it does not run as skipped, with the reason, so no due
 * period vanishes without a trace.
 */
public sealed interface DueDecision permits DueDecision.Fire, DueDecision.Skip {

    Period period();

    record Fire(Period period) implements DueDecision {
    }

    record Skip(Period period, SkipReason reason) implements DueDecision {
    }

    /**
     * @param goal   the scheduler's state of the goal
     * @param period the latest period due at or before now
     */
    static DueDecision decide(ScheduledGoal goal, Period period) {
        if (period.key().equals(goal.lastPeriodKey())) {
            return new Skip(period, SkipReason.ALREADY_RAN);
        }
        return new Fire(period);
    }
}
