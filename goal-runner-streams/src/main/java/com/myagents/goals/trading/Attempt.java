package com.myagents.goals.trading;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.myagents.contracts.execution.ExecutionDecision;

/** One attempted action as the guardrail report shows it: what was asked and what enforcement decided. */
public record Attempt(String correlationId, String deliverableId, String action, String outcome, String reason,
        String detail, Instant decidedAt) {

    public static Attempt of(ExecutionDecision decision) {
        return new Attempt(decision.correlationId(), decision.deliverableId(), decision.action(),
                decision.outcome() == null ? null : decision.outcome().code(),
                decision.reason() == null ? null : decision.reason().code(), decision.detail(), decision.decidedAt());
    }

    boolean denied() {
        return !"allow".equals(outcome);
    }

    Map<String, Object> toPayload() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("correlation_id", correlationId);
        map.put("deliverable_id", deliverableId);
        map.put("action", action);
        map.put("outcome", outcome);
        map.put("reason", reason);
        map.put("detail", detail);
        map.put("decided_at", decidedAt == null ? null : decidedAt.toString());
        return map;
    }
}
