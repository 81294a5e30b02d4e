package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.MALFORMED_REQUEST;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * Whether a metered goal run may start: the subscription stands (active, paid or in an open
 * trial) and the run's price fits the trial's daily runs and spend, or the paid budget. Checked
 * and charged before the goal runner generates anything, so an over-limit run costs nothing.
 */
public final class GoalRunRules {

    private GoalRunRules() {
    }

    /**
     * @param subscription the latest state of the run's subscription, or null
     * @param ledger       the subscription's ledger as of {@code now} (never null)
     */
    public static Metering evaluate(GoalRunRequest request, SubscriptionState subscription, BudgetLedger ledger,
            Instant now) {
        GoalTrigger trigger = request.trigger();
        CheckTrail trail = CheckTrail.start().input("run", inputs(trigger)).input("evaluated_at", now.toString());
        if (trigger.runId() == null || trigger.subscriptionId() == null || trigger.goalTemplateId() == null) {
            return Metering.denied(trail.fail("request_well_formed", MALFORMED_REQUEST,
                    "a goal run request needs run_id, subscription_id and goal_template_id"));
        }
        trail.pass("request_well_formed", "run_id, subscription_id and goal_template_id present");
        Standing standing = Standing.of(trail, trigger.subscriptionId(), subscription, now);
        if (standing instanceof Standing.Refused refused) {
            return Metering.denied(refused.verdict());
        }
        return Metering.reserve(trail, standing, ledger,
                new Charge.GoalRun(trigger.runId(), trigger.goalTemplateId(), subscription.goalRunCost(trigger.goalTemplateId())), now);
    }

    private static Map<String, Object> inputs(GoalTrigger trigger) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("run_id", trigger.runId());
        values.put("goal_instance_id", trigger.goalInstanceId());
        values.put("goal_template_id", trigger.goalTemplateId());
        values.put("hired_instance_id", trigger.hiredInstanceId());
        values.put("customer_id", trigger.customerId());
        values.put("period_key", trigger.periodKey());
        return values;
    }
}
