package com.myagents.contracts.execution;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Enforcement's answer to one {@link ExecutionRequest}, allow or deny, keyed by correlation_id
 * (the HTTP layer waits for it). Shaped like a policy decision log: the inputs that decided it,
 * every check with its result, and the policy version.
 */
public record ExecutionDecision(
        String decisionId,
        String correlationId,
        String deliverableId,
        String subscriptionId,
        String customerId,
        String action,
        String approvalId,
        Outcome outcome,
        ReasonCode reason,
        String detail,
        List<CheckResult> checks,
        Map<String, Object> inputs,
        String policyVersion,
        Instant decidedAt,
        ExecutionMode mode) {

    /** A decision recorded before the mode existed: allowed ones were live. */
    public ExecutionDecision(String decisionId, String correlationId, String deliverableId, String subscriptionId,
            String customerId, String action, String approvalId, Outcome outcome, ReasonCode reason, String detail,
            List<CheckResult> checks, Map<String, Object> inputs, String policyVersion, Instant decidedAt) {
        this(decisionId, correlationId, deliverableId, subscriptionId, customerId, action, approvalId, outcome, reason,
                detail, checks, inputs, policyVersion, decidedAt, ExecutionMode.LIVE);
    }

    /**
     * True for an allowance to describe the action only (a trial's dry-run action): nothing is sent.
     * A mode this build does not know is not live either (absent means live: written before the mode).
     */
    public boolean dryRun() {
        return allowed() && mode != null && !mode.live();
    }

    public boolean allowed() {
        return Outcome.ALLOW.equals(outcome);
    }
}
