package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.SUBSCRIPTION_INACTIVE;
import static com.myagents.contracts.execution.ReasonCode.SUBSCRIPTION_UNKNOWN;
import static com.myagents.contracts.execution.ReasonCode.TRIAL_ENDED;

import java.time.Instant;

import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * Where a subscription stands now, the first question for anything that acts or costs: unknown,
 * inactive or out of trial ({@link Refused}), in an open {@link Trial}, or {@link Paid}.
 */
public sealed interface Standing permits Standing.Refused, Standing.Trial, Standing.Paid {

    String ACTIVE = "active";
    String TRIAL_ACTIVE = "active";
    String TRIAL_CONVERTED = "ended_converted";
    String TRIAL_NOT_CONVERTED = "ended_not_converted";
    /** A re-hire of an agent type whose trial the customer already used: it runs only once converted. */
    String TRIAL_NOT_ELIGIBLE = "not_eligible";

    record Refused(Verdict.Denied verdict) implements Standing {
    }

    record Trial(SubscriptionState subscription) implements Standing {
    }

    record Paid(SubscriptionState subscription) implements Standing {
    }

    /** Records the checks {@code subscription_known}, {@code subscription_active} and (in a trial) {@code trial_open}. */
    static Standing of(CheckTrail trail, String subscriptionId, SubscriptionState subscription, Instant now) {
        trail.input("subscription", DecisionInputs.of(subscription));
        if (subscription == null) {
            return new Refused(trail.fail("subscription_known", SUBSCRIPTION_UNKNOWN,
                    "no state recorded for subscription " + subscriptionId));
        }
        trail.pass("subscription_known", subscriptionId);
        if (!ACTIVE.equals(subscription.status())) {
            return new Refused(trail.fail("subscription_active", SUBSCRIPTION_INACTIVE,
                    "subscription is " + subscription.status()));
        }
        String trial = subscription.trialStatus();
        if (TRIAL_CONVERTED.equals(trial)) {
            trail.pass("subscription_active", "active, paid plan");
            return new Paid(subscription);
        }
        if (TRIAL_NOT_CONVERTED.equals(trial)) {
            trail.pass("subscription_active", "active");
            return new Refused(trail.fail("trial_open", TRIAL_ENDED, "the trial ended without conversion to a paid plan"));
        }
        if (TRIAL_NOT_ELIGIBLE.equals(trial)) {
            return new Refused(trail.fail("subscription_active", SUBSCRIPTION_INACTIVE,
                    "no trial: the customer already used this agent type's trial; a paid plan is needed"));
        }
        if (!TRIAL_ACTIVE.equals(trial)) {
            return new Refused(trail.fail("subscription_active", SUBSCRIPTION_INACTIVE,
                    "no paid plan and no open trial (trial " + trial + ")"));
        }
        trail.pass("subscription_active", "active, in trial");
        if (subscription.trialEndAt() != null && !now.isBefore(subscription.trialEndAt())) {
            return new Refused(trail.fail("trial_open", TRIAL_ENDED, "the trial ended at " + subscription.trialEndAt()));
        }
        trail.pass("trial_open", subscription.trialEndAt() == null ? "no end set" : "until " + subscription.trialEndAt());
        return new Trial(subscription);
    }
}
