package com.myagents.goals.drafts;

import java.time.Instant;
import java.util.Optional;

import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.SkipReason;
import com.myagents.goals.schedule.ScheduledGoal;

/** Whether a trigger becomes a run: {@link Draft} it with a skill, or {@link Skip} it with a reason. */
public sealed interface RunDecision permits RunDecision.Draft, RunDecision.Skip {

    record Draft(GoalRun run, Skill skill) implements RunDecision {
    }

    record Skip(SkipReason reason) implements RunDecision {
    }

    /**
     * @param goal           the goal's current state, or {@code null} if unknown (deleted or never seen)
     * @param agent          the hired instance's current state, or {@code null} if unknown
     * @param alreadyDrafted whether this run id already produced its drafts (or was recorded as skipped)
     */
    static RunDecision decide(GoalTrigger trigger, ScheduledGoal goal, HiredAgentChange agent, boolean alreadyDrafted,
            Instant now) {
        if (alreadyDrafted) {
            return new Skip(SkipReason.ALREADY_RAN);
        }
        if (goal == null) {
            return new Skip(SkipReason.GOAL_UNKNOWN);
        }
        // the instance first: an agent that cannot run explains every goal of it at once
        SkipReason notRunnable = SkipReason.notRunnable(agent, now);
        if (notRunnable != null) {
            return new Skip(notRunnable);
        }
        if (!goal.goal().enabled()) {
            return new Skip(SkipReason.GOAL_DISABLED);
        }
        Optional<Skill> skill = Skill.of(goal.goal());
        if (skill.isEmpty()) {
            return new Skip(SkipReason.SETTINGS_INVALID);
        }
        return new Draft(new GoalRun(trigger, goal.goal(), agent), skill.get());
    }
}
