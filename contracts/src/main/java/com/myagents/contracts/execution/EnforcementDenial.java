package com.myagents.contracts.execution;

import java.time.Instant;
import java.util.Map;

/**
 * The auditors' record of one denial, keyed by subscription_id so one subscription's denials
 * stay in order. {@code denial_id} equals the decision id, so a replay upserts the same row.
 */
public record EnforcementDenial(
        String denialId,
        String correlationId,
        String subscriptionId,
        String customerId,
        String deliverableId,
        String action,
        ReasonCode reason,
        String detail,
        Map<String, Object> inputs,
        String policyVersion,
        Instant deniedAt) {

    public static EnforcementDenial of(ExecutionDecision decision) {
        return new EnforcementDenial(decision.decisionId(), decision.correlationId(), decision.subscriptionId(),
                decision.customerId(), decision.deliverableId(), decision.action(), decision.reason(),
                decision.detail(), decision.inputs(), decision.policyVersion(), decision.decidedAt());
    }
}
