package com.myagents.goals.schedule;

import java.time.Instant;

import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.runs.SkipReason;

/**
 * What the scheduler does with a goal whose due time has come: {@link Fire} one trigger for the
 * period, or {@link Skip} it with a reason. A skipped period is not retried; the goal waits for
 * its next period.
 */
public sealed interface DueDecision permits DueDecision.Fire, DueDecision.Skip {

    Period period();

    record Fire(Period period) implements DueDecision {
    }

    record Skip(Period period, SkipReason reason) implements DueDecision {
    }

    /**
     * @param goal   the scheduler's state of the goal
     * @param agent  the hired instance's latest state, or {@code null} if none is known
     * @param period the latest period due at or before {@code now}
     */
    static DueDecision decide(ScheduledGoal goal, HiredAgentChange agent, Period period, Instant now) {
        if (period.key().equals(goal.lastPeriodKey())) {
            return new Skip(period, SkipReason.ALREADY_RAN);
        }
        if (!goal.goal().enabled()) {
            return new Skip(period, SkipReason.GOAL_DISABLED);
        }
        if (agent == null) {
            return new Skip(period, SkipReason.INSTANCE_UNKNOWN);
        }
        if (!agent.runnable(now)) {
            return new Skip(period, SkipReason.INSTANCE_NOT_RUNNABLE);
        }
        return new Fire(period);
    }
}
