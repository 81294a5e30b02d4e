package com.myagents.goals.drafts;

import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalTrigger;

/**
 * What reaches the drafter for one goal (both keyed by goal_instance_id): a due run's trigger, or
 * enforcement's answer to the drafter's question whether a metered run may start.
 */
public sealed interface RunInput permits RunInput.Triggered, RunInput.Metered {

    GoalTrigger trigger();

    record Triggered(GoalTrigger trigger) implements RunInput {
    }

    record Metered(GoalRunDecision decision) implements RunInput {
        @Override
        public GoalTrigger trigger() {
            return decision.trigger();
        }
    }
}
