package com.myagents.goals.runs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * Everything one run drafts from: the trigger (run id, period, due time), the goal as it is now
 * (template, settings) and the hired instance (its configuration). Drafts depend on nothing else,
 * so the same run always drafts the same thing.
 */
public record GoalRun(GoalTrigger trigger, GoalChange goal, HiredAgentChange agent) {

    public String runId() {
        return trigger.runId();
    }

    public Instant dueAt() {
        return trigger.dueAt();
    }

    public Fields settings() {
        return Fields.of(goal.settings());
    }

    public Fields config() {
        return Fields.of(agent.config());
    }

    /** The goal's time zone, else the instance's, else UTC; an invalid one falls back the same way. */
    public ZoneId zone() {
        for (String id : new String[] {goal.timezone(), agent.timezone(), config().text("timezone", null)}) {
            if (id != null && !id.isBlank()) {
                try {
                    return ZoneId.of(id.trim());
                } catch (DateTimeException e) {
                    // try the next one
                }
            }
        }
        return ZoneId.of("UTC");
    }
}
