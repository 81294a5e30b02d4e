package com.myagents.ingest.deliverables;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.myagents.contracts.serde.EventJson;
import com.myagents.plant.status.DeliverableState;
import com.myagents.plant.status.ExecutionRequestStatus;

import tools.jackson.databind.JsonNode;

/**
 * What a customer needs to read of an execution in words: what a dry run would have sent (never
 * the raw request unless asked for), and whether a failed or denied one can be tried again.
 */
final class ExecutionSummary {

    /** Denials the customer can fix: wait for tomorrow's room, pay, or review again. */
    private static final Set<String> FIXABLE_DENIALS = Set.of("trial_cap_exceeded", "budget_exceeded",
            "approval_expired", "trial_ended", "subscription_inactive", "trial_action_not_allowed");
    /** A social post that may have gone out cannot be retried blindly; an order can (Delta is asked first). */
    private static final Set<String> PLATFORM_CHECKS_EARLIER_ATTEMPTS = Set.of("place_order", "close_position");

    private ExecutionSummary() {
    }

    /** The code of a connector's failure: the detail's prefix ({@code "insufficient_margin: …"}). */
    static String failureCode(String detail) {
        if (detail == null) {
            return null;
        }
        int colon = detail.indexOf(':');
        return colon > 0 && detail.substring(0, colon).matches("[a-z_]+") ? detail.substring(0, colon) : "failed";
    }

    /** Why the latest execution did not act (a connector's failure code or enforcement's reason), or null. */
    static String failureReason(DeliverableState state, DeliverableView.Execution execution) {
        if (execution == null) {
            return null;
        }
        if (execution.result() != null && "failed".equals(execution.result().status())) {
            return failureCode(execution.result().detail());
        }
        return ExecutionRequestStatus.DENIED.literal().equals(execution.status()) ? execution.reason() : null;
    }

    static boolean retryable(DeliverableState state, DeliverableView.Execution execution) {
        String reason = failureReason(state, execution);
        if (reason == null || state == DeliverableState.EXECUTED) {
            return false;
        }
        if (execution.result() != null && "failed".equals(execution.result().status())) {
            return !"outcome_unknown".equals(reason) || PLATFORM_CHECKS_EARLIER_ATTEMPTS.contains(execution.action());
        }
        return FIXABLE_DENIALS.contains(reason);
    }

    /**
     * A readable account of what a dry run would have sent: the post (platform and text) or the
     * order (symbol, side, size, type, price and the client_order_id it would carry).
     */
    static Map<String, Object> requestSummary(JsonNode payload, String resultStatus, String resultDetail) {
        if (!"dry_run".equals(resultStatus) || payload == null) {
            return null;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        JsonNode order = payload.has("order") ? payload.get("order") : null;
        if (order != null && order.isObject()) {
            summary.put("symbol", order.path("product_symbol").asString(null));
            summary.put("side", order.path("side").asString(null));
            summary.put("size", order.path("size").isMissingNode() ? null : order.path("size").asString());
            summary.put("order_type", order.path("order_type").asString(null));
            summary.put("limit_price", order.path("limit_price").isMissingNode() ? null : order.path("limit_price").asString());
            summary.put("client_order_id", clientOrderId(resultDetail));
        } else {
            summary.put("platform", payload.path("platform").asString(null));
            summary.put("text", payload.path("text").asString(null));
        }
        return summary;
    }

    private static String clientOrderId(String detail) {
        try {
            for (JsonNode request : EventJson.MAPPER.readTree(detail).path("requests")) {
                String id = request.path("body").path("client_order_id").asString(null);
                if (id != null) {
                    return id;
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
