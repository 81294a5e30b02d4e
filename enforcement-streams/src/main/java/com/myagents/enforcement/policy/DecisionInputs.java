package com.myagents.enforcement.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * The inputs a decision records, as plain JSON values (strings, numbers, maps) so that the
 * decision log reads the same in Kafka, PostgreSQL and PP. They are complete: everything a rule
 * reads is here, so the decision can be re-decided from its record alone
 * ({@code com.myagents.enforcement.verify}). What the rules do not read (the payload's text, an
 * approval's notes) is left out: it may be personal, and it decides nothing. Whoever changes what
 * a rule reads records it here and bumps {@link EnforcementPolicy#VERSION}.
 */
final class DecisionInputs {

    private DecisionInputs() {
    }

    static Map<String, Object> of(ExecutionRequest request, String payloadDigest) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("action", request.action());
        values.put("proposed_actions", request.proposedActions());
        values.put("payload_digest", payloadDigest);
        values.put("approval_id", request.approvalId());
        values.put("payload_hash", request.payloadHash());
        values.put("customer_id", request.customerId());
        values.put("hired_instance_id", request.hiredInstanceId());
        values.put("requested_by", request.requestedBy());
        values.put("requested_at", text(request.requestedAt()));
        return Collections.unmodifiableMap(values);
    }

    static Map<String, Object> of(ApprovalEvent approval) {
        if (approval == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("approval_id", approval.approvalId());
        values.put("deliverable_id", approval.deliverableId());
        values.put("subscription_id", approval.subscriptionId());
        values.put("verdict", approval.verdict() == null ? null : approval.verdict().code());
        values.put("payload_hash", approval.payloadHash());
        values.put("reviewer", approval.reviewer());
        values.put("decided_at", text(approval.decidedAt()));
        values.put("expires_at", text(approval.expiresAt()));
        return Collections.unmodifiableMap(values);
    }

    static Map<String, Object> of(SubscriptionState subscription) {
        if (subscription == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", subscription.status());
        values.put("trial_status", subscription.trialStatus());
        values.put("trial_end_at", text(subscription.trialEndAt()));
        values.put("trial_actions_per_day", subscription.trialActionsPerDay());
        values.put("trial_allowed_actions", subscription.trialAllowedActions());
        values.put("trial_dry_run_actions", subscription.trialDryRunActions());
        values.put("approval_ttl_hours", subscription.approvalTtlHours());
        values.put("trial_goal_runs_per_day", subscription.trialGoalRunsPerDay());
        values.put("trial_cost_minor_per_day", subscription.trialCostMinorPerDay());
        values.put("budget_minor_per_month", subscription.budgetMinorPerMonth());
        values.put("action_costs_minor", subscription.actionCostsMinor());
        values.put("goal_run_costs_minor", subscription.goalRunCostsMinor());
        values.put("updated_at", text(subscription.updatedAt()));
        return Collections.unmodifiableMap(values);
    }

    /** The ledger as the metering read it (already turned to the decision's day and month). */
    static Map<String, Object> of(BudgetLedger ledger) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("day", ledger.day() == null ? null : ledger.day().toString());
        values.put("month", ledger.month() == null ? null : ledger.month().toString());
        values.put("actions_today", ledger.actionsToday());
        values.put("goal_runs_today", ledger.goalRunsToday());
        values.put("cost_today", ledger.costToday());
        values.put("committed_this_month", ledger.committedThisMonth());
        return Collections.unmodifiableMap(values);
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
