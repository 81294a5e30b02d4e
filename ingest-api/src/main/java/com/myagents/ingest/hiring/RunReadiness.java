package com.myagents.ingest.hiring;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import com.myagents.contracts.NamedCode;
import com.myagents.http.problem.ApiProblem;
import com.myagents.plant.jooq.generated.tables.records.HiredAgentsRecord;
import com.myagents.plant.jooq.generated.tables.records.SubscriptionsRecord;
import com.myagents.plant.status.SubscriptionStatus;
import com.myagents.plant.status.TrialStatus;

/**
 * Why an instance's goal cannot run now, in the order a customer has to fix it, each with the
 * next step in words. "Run now" refuses with it (409) instead of accepting a run that would be
 * dropped; the codes are the ones the goal runner records on a skipped run.
 */
public enum RunReadiness implements NamedCode {
    SUBSCRIPTION_INACTIVE("This subscription has ended, so nothing runs any more."),
    NOT_CONFIGURED("Finish the agent's settings under Configure first."),
    NOT_FINALIZED("Finalize this agent to start it (and its trial)."),
    NOT_ELIGIBLE("The free trial of this agent was already used: subscribe to a paid plan to run it."),
    TRIAL_ENDED("The trial has ended: subscribe to a paid plan to keep it running."),
    GOAL_DISABLED("This goal is switched off: enable it first.");

    private final String nextStep;

    RunReadiness(String nextStep) {
        this.nextStep = nextStep;
    }

    public String nextStep() {
        return nextStep;
    }

    /** The first reason the instance cannot run a goal now; empty when it can. */
    public static Optional<RunReadiness> blocking(HiredAgentsRecord agent, SubscriptionsRecord subscription,
            boolean goalEnabled, OffsetDateTime now) {
        if (subscription.getStatus() != SubscriptionStatus.ACTIVE) {
            return Optional.of(SUBSCRIPTION_INACTIVE);
        }
        if (!Boolean.TRUE.equals(agent.getConfigured())) {
            return Optional.of(NOT_CONFIGURED);
        }
        if (agent.getFinalizedAt() == null) {
            return Optional.of(NOT_FINALIZED);
        }
        TrialStatus trial = subscription.getTrialStatus();
        if (trial == TrialStatus.NOT_ELIGIBLE) {
            return Optional.of(NOT_ELIGIBLE);
        }
        boolean trialOver = trial == TrialStatus.ENDED_NOT_CONVERTED || trial == TrialStatus.ACTIVE
                && subscription.getTrialEndAt() != null && !now.isBefore(subscription.getTrialEndAt());
        if (trialOver) {
            return Optional.of(TRIAL_ENDED);
        }
        if (!goalEnabled) {
            return Optional.of(GOAL_DISABLED);
        }
        return Optional.empty();
    }

    /** 409 problem+json with {@code reason} and {@code next_step}. */
    public ApiProblem refusal() {
        return new ApiProblem(409, "not-runnable", "This goal cannot run now", nextStep,
                Map.of("reason", code(), "next_step", nextStep));
    }
}
