package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.ALREADY_EXECUTED;
import static com.myagents.contracts.execution.ReasonCode.TRIAL_ACTION_NOT_ALLOWED;

import java.time.Instant;

import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * The rules that need the state of one subscription, in order: the approval is not used yet; the
 * subscription is active, paid or in an open trial; a trial allows the action for real; a trade
 * passes the risk checks against the current configuration; the action's price fits the trial's
 * daily caps or the paid budget, and is reserved.
 */
public final class SubscriptionRules {

    private SubscriptionRules() {
    }

    /**
     * @param used         the earlier use of the request's approval, or null
     * @param subscription the latest state of the request's subscription, or null
     * @param ledger       the subscription's ledger as of {@code now} (never null)
     * @param instance     the current state of the request's hired instance, or null
     */
    public static Metering evaluate(CheckTrail trail, ExecutionRequest request, UsedApproval used,
            SubscriptionState subscription, BudgetLedger ledger, HiredAgentChange instance, Instant now) {
        if (used != null) {
            trail.input("approval_used_by", used.correlationId());
            return Metering.denied(trail.fail("approval_unused", ALREADY_EXECUTED,
                    "approval " + request.approvalId() + " was already used by request " + used.correlationId()));
        }
        trail.pass("approval_unused", "first use of approval " + request.approvalId());

        Standing standing = Standing.of(trail, request.subscriptionId(), subscription, now);
        if (standing instanceof Standing.Refused refused) {
            return Metering.denied(refused.verdict());
        }
        if (standing instanceof Standing.Trial) {
            if (subscription.trialAllowedActions() == null || !subscription.trialAllowedActions().contains(request.action())) {
                return Metering.denied(trail.fail("trial_action_allowed", TRIAL_ACTION_NOT_ALLOWED, "a trial may not "
                        + request.action() + " for real (allowed: " + subscription.trialAllowedActions() + ")"));
            }
            trail.pass("trial_action_allowed", request.action());
        }
        Verdict.Denied risk = TradingRiskRules.check(trail, request, instance);
        if (risk != null) {
            return Metering.denied(risk);
        }
        return Metering.reserve(trail, standing, ledger,
                new Charge.Action(request.correlationId(), request.action(), subscription.actionCost(request.action())), now);
    }
}
