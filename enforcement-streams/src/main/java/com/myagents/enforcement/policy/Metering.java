package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.BUDGET_EXCEEDED;
import static com.myagents.contracts.execution.ReasonCode.TRIAL_CAP_EXCEEDED;

import java.time.Instant;

import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * Checks and reserves one {@link Charge} against a subscription's caps in one step: a trial's
 * daily count and spend, a paid plan's monthly budget. It runs where all requests of a
 * subscription meet (one task, one at a time), so no two charges can both take the last room.
 *
 * @param verdict   the outcome of the checks
 * @param ledger    the ledger to store when allowed (the reservation), {@code null} when denied
 * @param costMinor what was reserved (0 when denied)
 */
public record Metering(Verdict verdict, BudgetLedger ledger, long costMinor) {

    /** The same reservation, allowed to be described only (a trial's dry-run action). */
    Metering asDryRun() {
        return verdict instanceof Verdict.Allowed allowed ? new Metering(allowed.asDryRun(), ledger, costMinor) : this;
    }

    static Metering denied(Verdict.Denied verdict) {
        return new Metering(verdict, null, 0);
    }

    /**
     * @param ledger the subscription's ledger as of {@code now} (see {@link BudgetLedger#at})
     */
    static Metering reserve(CheckTrail trail, Standing standing, BudgetLedger ledger, Charge charge, Instant now) {
        long cost = charge.costMinor();
        trail.input("ledger_before", DecisionInputs.of(ledger));
        trail.input("cost_minor", cost);
        if (standing instanceof Standing.Paid paid) {
            return withinBudget(trail, paid.subscription(), ledger, charge, now);
        }
        SubscriptionState trial = ((Standing.Trial) standing).subscription();
        int usedToday = charge instanceof Charge.Action ? ledger.actionsToday() : ledger.goalRunsToday();
        int cap = charge instanceof Charge.Action ? trial.trialActionsPerDay() : trial.trialGoalRunsPerDay();
        trail.input("trial_" + key(charge) + "_today_before", usedToday);
        if (usedToday >= cap) {
            return denied(trail.fail("trial_cap_reserved", TRIAL_CAP_EXCEEDED,
                    usedToday + " of " + cap + " trial " + charge.unit() + " used on " + ledger.day() + " (UTC)"));
        }
        long costCap = trial.trialCostMinorPerDay();
        trail.input("trial_cost_today_before", ledger.costToday());
        if (ledger.costToday() + cost > costCap) {
            return denied(trail.fail("trial_cap_reserved", TRIAL_CAP_EXCEEDED, "spending " + cost + " would exceed the trial's "
                    + costCap + " a day (" + ledger.costToday() + " spent or held on " + ledger.day() + ", UTC)"));
        }
        BudgetLedger after = take(ledger, charge, now);
        trail.input("trial_" + key(charge) + "_today_after", charge instanceof Charge.Action ? after.actionsToday() : after.goalRunsToday());
        trail.input("trial_cost_today_after", after.costToday());
        trail.pass("trial_cap_reserved", (usedToday + 1) + " of " + cap + " trial " + charge.unit() + " and "
                + after.costToday() + " of " + costCap + " on " + ledger.day() + " (UTC)");
        return new Metering(trail.allow(), after, cost);
    }

    private static Metering withinBudget(CheckTrail trail, SubscriptionState paid, BudgetLedger ledger, Charge charge,
            Instant now) {
        long budget = paid.budgetMinorPerMonth();
        long before = ledger.committedThisMonth();
        trail.input("budget_minor_per_month", budget);
        trail.input("budget_committed_before", before);
        if (charge.costMinor() > 0 && before + charge.costMinor() > budget) {
            return denied(trail.fail("budget_reserved", BUDGET_EXCEEDED, "spending " + charge.costMinor()
                    + " would exceed the budget of " + budget + " for " + ledger.month() + " (" + before + " spent or held)"));
        }
        BudgetLedger after = take(ledger, charge, now);
        trail.input("budget_committed_after", after.committedThisMonth());
        trail.pass("budget_reserved", after.committedThisMonth() + " of " + budget + " for " + ledger.month());
        return new Metering(trail.allow(), after, charge.costMinor());
    }

    private static BudgetLedger take(BudgetLedger ledger, Charge charge, Instant now) {
        if (charge instanceof Charge.Action action) {
            return ledger.reserveAction(action.correlationId(), action.costMinor(), now);
        }
        return ledger.chargeGoalRun(charge.costMinor());
    }

    private static String key(Charge charge) {
        return charge instanceof Charge.Action ? "actions" : "goal_runs";
    }
}
