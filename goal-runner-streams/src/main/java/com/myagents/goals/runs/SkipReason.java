package com.myagents.goals.runs;

import java.time.Instant;

import com.myagents.contracts.NamedCode;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * Why a due period or a trigger produced no run. Most are recorded as a skipped goal run with
 * their {@link #recorded() reason code}, so the customer sees on the goal what became of it; the
 * idempotency mark and a goal that no longer exists are only logged.
 */
public enum SkipReason implements NamedCode {
    /** The period already has its trigger, or the run its drafts: the idempotency mark. */
    ALREADY_RAN(null, "the run already ran"),
    /** The goal was deleted: there is no goal to show the run on. */
    GOAL_UNKNOWN(null, "the goal no longer exists"),
    GOAL_DISABLED(ReasonCode.GOAL_DISABLED, "the goal is paused"),
    NOT_FINALIZED(ReasonCode.NOT_FINALIZED, "the agent is not finalized yet, so its trial has not started"),
    NOT_CONFIGURED(ReasonCode.NOT_CONFIGURED, "the agent's configuration is incomplete"),
    SUBSCRIPTION_INACTIVE(ReasonCode.SUBSCRIPTION_INACTIVE, "the subscription is not active"),
    TRIAL_ENDED(ReasonCode.TRIAL_ENDED, "the trial has ended; subscribe to keep the agent running"),
    NOT_ELIGIBLE(ReasonCode.NOT_ELIGIBLE,
            "this subscription has no trial (one was used already); subscribe to run the agent"),
    /** The goal's template, skill binding or settings cannot make a run. */
    SETTINGS_INVALID(ReasonCode.SETTINGS_INVALID, "the goal's settings cannot make a run; edit the goal");

    private final ReasonCode recorded;
    private final String words;

    SkipReason(ReasonCode recorded, String words) {
        this.recorded = recorded;
        this.words = words;
    }

    /** The reason code of the skipped goal run this is recorded as, or {@code null} when it is only logged. */
    public ReasonCode recorded() {
        return recorded;
    }

    /** What the customer reads on the goal, after "skipped:" and the reason. */
    public String words() {
        return words;
    }

    /**
     * Why this instance may not run goals now, or {@code null} when it may. {@link HiredAgentChange#runnable}
     * has the last word on "may run"; this only names the reason, reading states it does not know
     * (a status or trial state added later) as not runnable.
     */
    public static SkipReason notRunnable(HiredAgentChange agent, Instant now) {
        if (agent == null || "not_started".equals(agent.trialStatus())) {
            return NOT_FINALIZED;
        }
        if (agent.runnable(now)) {
            return null;
        }
        if (!agent.configured()) {
            return NOT_CONFIGURED;
        }
        if (!"active".equals(agent.subscriptionStatus())) {
            return SUBSCRIPTION_INACTIVE;
        }
        if ("not_eligible".equals(agent.trialStatus())) {
            return NOT_ELIGIBLE;
        }
        if ("ended_not_converted".equals(agent.trialStatus()) || "active".equals(agent.trialStatus())) {
            return TRIAL_ENDED;
        }
        return SUBSCRIPTION_INACTIVE;
    }
}
