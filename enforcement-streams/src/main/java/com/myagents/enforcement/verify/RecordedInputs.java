package com.myagents.enforcement.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.serde.EventJson;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.policy.BudgetLedger;
import com.myagents.enforcement.policy.UsedApproval;

/**
 * The arguments of the rules, rebuilt from the inputs a decision recorded (the map written by the
 * policy's {@code DecisionInputs}, {@code TradingRiskRules} and {@code Metering}). An input the
 * decision did not record is one its rules did not read: it is rebuilt as absent.
 */
final class RecordedInputs {

    private final Map<String, Object> inputs;

    RecordedInputs(Map<String, Object> inputs) {
        this.inputs = inputs == null ? Map.of() : inputs;
    }

    Instant evaluatedAt() {
        return instant(inputs.get("evaluated_at"));
    }

    /** The request as the rules saw it; its payload holds only the order the risk checks read. */
    ExecutionRequest request(ExecutionDecision decision) {
        Map<String, Object> request = map(inputs.get("request"));
        Map<String, Object> payload = new LinkedHashMap<>();
        if (inputs.get("order") != null) {
            payload.put("order", inputs.get("order"));
        }
        return new ExecutionRequest(decision.correlationId(), decision.deliverableId(), decision.subscriptionId(),
                text(request.get("customer_id")), text(request.get("hired_instance_id")), text(request.get("action")),
                text(request.get("approval_id")), text(request.get("payload_hash")), text(request.get("requested_by")),
                instant(request.get("requested_at")), payload, strings(request.get("proposed_actions")));
    }

    /** What an allowed decision reserved, as its metering recorded it ({@code cost_minor}); 0 when it recorded none. */
    long reservedCost() {
        return number(inputs.get("cost_minor"));
    }

    /**
     * The decision's own fields that are not those of the request its inputs recorded: the rules
     * decide on the recorded request, so a decision about another action, approval or customer
     * is not the one they gave.
     */
    List<String> requestDisagreements(ExecutionDecision decision) {
        Map<String, Object> request = map(inputs.get("request"));
        List<String> found = new ArrayList<>();
        disagree(found, "action", decision.action(), request.get("action"));
        disagree(found, "approval_id", decision.approvalId(), request.get("approval_id"));
        disagree(found, "customer_id", decision.customerId(), request.get("customer_id"));
        return found;
    }

    private static void disagree(List<String> found, String field, String decided, Object requested) {
        if (!Objects.equals(decided, text(requested))) {
            found.add(field + ": recorded " + decided + ", its recorded request " + text(requested));
        }
    }

    String payloadDigest() {
        return text(map(inputs.get("request")).get("payload_digest"));
    }

    ApprovalEvent approval() {
        Object approval = inputs.get("approval");
        return approval == null ? null : EventJson.MAPPER.convertValue(approval, ApprovalEvent.class);
    }

    SubscriptionState subscription() {
        Object subscription = inputs.get("subscription");
        return subscription == null ? null : EventJson.MAPPER.convertValue(subscription, SubscriptionState.class);
    }

    UsedApproval usedApproval(String approvalId) {
        String usedBy = text(inputs.get("approval_used_by"));
        return usedBy == null ? null : new UsedApproval(approvalId, usedBy, null, null, null);
    }

    /**
     * The ledger as the metering read it. Open reservations are folded into the month's spend:
     * the rules read only their sum. Absent when the decision was refused before metering.
     */
    BudgetLedger ledgerOr(Instant now) {
        Map<String, Object> ledger = map(inputs.get("ledger_before"));
        if (ledger.isEmpty()) {
            return BudgetLedger.EMPTY.at(now);
        }
        String day = text(ledger.get("day"));
        String month = text(ledger.get("month"));
        return new BudgetLedger(day == null ? null : LocalDate.parse(day), integer(ledger.get("actions_today")),
                integer(ledger.get("goal_runs_today")), number(ledger.get("cost_today")),
                month == null ? null : YearMonth.parse(month), number(ledger.get("committed_this_month")), Map.of());
    }

    /** The instance's risk configuration as the trading checks read it; null when it had none. */
    HiredAgentChange instance(ExecutionRequest request) {
        Object recorded = inputs.get("current_risk_config");
        if (recorded == null) {
            return null;
        }
        Map<String, Object> risk = map(recorded);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_units_per_order", risk.get("max_units_per_order"));
        limits.put("max_notional_inr", risk.get("max_notional_inr"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("allowed_coins", risk.get("allowed_coins"));
        config.put("risk_limits", limits);
        return new HiredAgentChange(request.hiredInstanceId(), request.subscriptionId(), request.customerId(), null, null,
                null, null, config, true, null, null, null, instant(risk.get("changed_at")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(v -> v == null ? null : v.toString()).toList() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }

    private static int integer(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
