package com.myagents.goals.runs;

import java.util.Locale;

/** Why a due period or a trigger produced no run. Logged with the goal and run id. */
public enum SkipReason {
    /** The period already has its trigger, or the run its drafts: the idempotency mark. */
    ALREADY_RAN,
    GOAL_UNKNOWN,
    GOAL_DISABLED,
    INSTANCE_UNKNOWN,
    /** Not configured, subscription not active, or neither in trial nor paid. */
    INSTANCE_NOT_RUNNABLE,
    /** The goal's template or skill binding is not one this runner knows. */
    SKILL_UNKNOWN,
    /** The goal's settings or the instance's configuration cannot make a draft. */
    PLAN_FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
