package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.ALREADY_EXECUTED;
import static com.myagents.contracts.execution.ReasonCode.SUBSCRIPTION_INACTIVE;
import static com.myagents.contracts.execution.ReasonCode.SUBSCRIPTION_UNKNOWN;
import static com.myagents.contracts.execution.ReasonCode.TRIAL_ACTION_NOT_ALLOWED;
import static com.myagents.contracts.execution.ReasonCode.TRIAL_CAP_EXCEEDED;
import static com.myagents.contracts.execution.ReasonCode.TRIAL_ENDED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * The rules that need the state of one subscription: the approval is not used yet, the
 * subscription is active, and a trial is open, allows the action and has room left today. They
 * run where all requests of a subscription meet (one task), so the reservation they compute is
 * atomic: no two requests can both take the last trial action.
 */
public final class SubscriptionRules {

    static final String ACTIVE = "active";
    static final String TRIAL_ACTIVE = "active";
    static final String TRIAL_CONVERTED = "ended_converted";
    static final String TRIAL_NOT_CONVERTED = "ended_not_converted";

    private SubscriptionRules() {
    }

    /** The verdict, and when it allows a trial action, the usage to store: the reservation. */
    public record Result(Verdict verdict, TrialUsage reservedUsage) {
    }

    /**
     * @param trail        the checks of the deliverable stage, continued here
     * @param used         the earlier use of the request's approval, or null
     * @param subscription the latest state of the request's subscription, or null
     * @param usage        the trial actions already reserved (never null)
     */
    public static Result evaluate(CheckTrail trail, ExecutionRequest request, UsedApproval used,
            SubscriptionState subscription, TrialUsage usage, Instant now) {
        if (used != null) {
            trail.input("approval_used_by", used.correlationId());
            return denied(trail.fail("approval_unused", ALREADY_EXECUTED,
                    "approval " + request.approvalId() + " was already used by request " + used.correlationId()));
        }
        trail.pass("approval_unused", "first use of approval " + request.approvalId());

        trail.input("subscription", DecisionInputs.of(subscription));
        if (subscription == null) {
            return denied(trail.fail("subscription_known", SUBSCRIPTION_UNKNOWN,
                    "no state recorded for subscription " + request.subscriptionId()));
        }
        trail.pass("subscription_known", request.subscriptionId());

        if (!ACTIVE.equals(subscription.status())) {
            return denied(trail.fail("subscription_active", SUBSCRIPTION_INACTIVE,
                    "subscription is " + subscription.status()));
        }
        String trial = subscription.trialStatus();
        if (TRIAL_CONVERTED.equals(trial)) {
            trail.pass("subscription_active", "active, paid plan");
            return new Result(trail.allow(), null);
        }
        if (TRIAL_NOT_CONVERTED.equals(trial)) {
            trail.pass("subscription_active", "active");
            return denied(trail.fail("trial_open", TRIAL_ENDED, "the trial ended without conversion to a paid plan"));
        }
        if (!TRIAL_ACTIVE.equals(trial)) {
            return denied(trail.fail("subscription_active", SUBSCRIPTION_INACTIVE,
                    "no paid plan and no open trial (trial " + trial + ")"));
        }
        trail.pass("subscription_active", "active, in trial");
        return trialRules(trail, request, subscription, usage, now);
    }

    private static Result trialRules(CheckTrail trail, ExecutionRequest request, SubscriptionState subscription,
            TrialUsage usage, Instant now) {
        if (subscription.trialEndAt() != null && !now.isBefore(subscription.trialEndAt())) {
            return denied(trail.fail("trial_open", TRIAL_ENDED, "the trial ended at " + subscription.trialEndAt()));
        }
        trail.pass("trial_open", subscription.trialEndAt() == null ? "no end set" : "until " + subscription.trialEndAt());

        if (subscription.trialAllowedActions() == null || !subscription.trialAllowedActions().contains(request.action())) {
            return denied(trail.fail("trial_action_allowed", TRIAL_ACTION_NOT_ALLOWED,
                    "a trial may not " + request.action() + " for real (allowed: " + subscription.trialAllowedActions() + ")"));
        }
        trail.pass("trial_action_allowed", request.action());

        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int before = usage.actionsOn(today);
        int cap = subscription.trialActionsPerDay();
        trail.input("trial_actions_today_before", before);
        if (before >= cap) {
            return denied(trail.fail("trial_cap_reserved", TRIAL_CAP_EXCEEDED,
                    before + " of " + cap + " trial actions used on " + today + " (UTC)"));
        }
        TrialUsage after = usage.reserveOne(today);
        trail.input("trial_actions_today_after", after.actions());
        trail.pass("trial_cap_reserved", after.actions() + " of " + cap + " on " + today + " (UTC)");
        return new Result(trail.allow(), after);
    }

    private static Result denied(Verdict.Denied verdict) {
        return new Result(verdict, null);
    }
}
