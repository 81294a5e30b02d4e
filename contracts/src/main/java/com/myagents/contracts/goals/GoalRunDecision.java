package com.myagents.contracts.goals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;

/**
 * Enforcement's answer to a {@link GoalRunRequest}, keyed by goal_instance_id so it reaches the
 * goal runner's task that owns the goal. An allowed run has its price reserved and spent; a denied
 * one is also on the denials topic. Same decision log shape as an execution decision.
 */
public record GoalRunDecision(
        String decisionId,
        GoalTrigger trigger,
        Outcome outcome,
        ReasonCode reason,
        String detail,
        long costMinor,
        List<CheckResult> checks,
        Map<String, Object> inputs,
        String policyVersion,
        Instant decidedAt) {

    public boolean allowed() {
        return Outcome.ALLOW.equals(outcome);
    }

    public String runId() {
        return trigger.runId();
    }
}
