package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.ALREADY_EXECUTED;
import static com.myagents.contracts.execution.ReasonCode.TRIAL_ACTION_NOT_ALLOWED;

import java.time.Instant;

import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * The rules that need the state of one subscription, in order: the approval is not used yet; the
 * subscription is active, paid or in an open trial; the approval is within the lifetime of the
 * pinned definition; a trial allows the action for real or as a dry run; a trade
 * passes the risk checks against the current configuration; the action's price fits the trial's
 * daily caps or the paid budget, and is reserved.
 */
public final class SubscriptionRules {

    private SubscriptionRules() {
    }

    /**
     * @param used              the earlier use of the request's approval, or null
     * @param subscription      the latest state of the request's subscription, or null
     * @param ledger            the subscription's ledger as of {@code now} (never null)
     * @param instance          the current state of the request's hired instance, or null
     * @param approvalDecidedAt when the request's approval was given (null for requests queued before it was recorded)
     */
    public static Metering evaluate(CheckTrail trail, ExecutionRequest request, UsedApproval used,
            SubscriptionState subscription, BudgetLedger ledger, HiredAgentChange instance, Instant now,
            Instant approvalDecidedAt) {
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
        Verdict.Denied stale = ApprovalLifetime.check(trail, subscription, approvalDecidedAt, now);
        if (stale != null) {
            return Metering.denied(stale);
        }
        boolean dryRun = false;
        if (standing instanceof Standing.Trial) {
            if (subscription.allowsInTrial(request.action())) {
                trail.input("trial_action_list", "trial_allowed_actions");
                trail.pass("trial_action_allowed", request.action() + " for real (trial_allowed_actions)");
            } else if (subscription.allowsAsTrialDryRun(request.action())) {
                trail.input("trial_action_list", "trial_dry_run_actions");
                trail.pass("trial_action_allowed", request.action() + " as a dry run: described, nothing sent"
                        + " (trial_dry_run_actions)");
                dryRun = true;
            } else {
                trail.input("trial_action_list", null);
                return Metering.denied(trail.fail("trial_action_allowed", TRIAL_ACTION_NOT_ALLOWED, "a trial may not "
                        + request.action() + " (for real: " + subscription.trialAllowedActions() + ", as a dry run: "
                        + subscription.trialDryRunActions() + ")"));
            }
        }
        trail.input("execution_mode", dryRun ? "dry_run" : "live");
        Verdict.Denied risk = TradingRiskRules.check(trail, request, instance);
        if (risk != null) {
            return Metering.denied(risk);
        }
        // A dry run sends nothing, so it costs nothing; it still counts as one of the trial's actions.
        long price = dryRun ? 0 : subscription.actionCost(request.action());
        Metering metering = Metering.reserve(trail, standing, ledger,
                new Charge.Action(request.correlationId(), request.action(), price), now);
        return dryRun ? metering.asDryRun() : metering;
    }

    /** As {@link #evaluate(CheckTrail, ExecutionRequest, UsedApproval, SubscriptionState, BudgetLedger, HiredAgentChange, Instant, Instant)} without the approval's time. */
    public static Metering evaluate(CheckTrail trail, ExecutionRequest request, UsedApproval used,
            SubscriptionState subscription, BudgetLedger ledger, HiredAgentChange instance, Instant now) {
        return evaluate(trail, request, used, subscription, ledger, instance, now, null);
    }
}
