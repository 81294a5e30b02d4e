package com.myagents.contracts.goals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;

/**
 * What became of a goal run that did not simply draft, keyed by goal_instance_id so it reaches the
 * goal runner's task that owns the goal. Two writers, one record: enforcement's answer to a
 * {@link GoalRunRequest} (allow, its price reserved and spent; or deny, also on the denials topic),
 * and the goal runner's {@link #skip skip} of a due or requested run it could not run (the
 * instance not finalized or not runnable, the goal disabled, its settings invalid). Same decision
 * log shape as an execution decision.
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

    /** The policy version of the goal runner's skips. */
    public static final String SKIP_POLICY = "goal-runner/skip-1";

    /**
     * The goal runner's record of a run it did not run. Its id follows from the run id, so a
     * repeated skip of one run is the same record.
     */
    public static GoalRunDecision skip(GoalTrigger trigger, ReasonCode reason, String detail,
            Map<String, Object> inputs, Instant at) {
        return new GoalRunDecision("skip:" + trigger.runId(), trigger, Outcome.SKIP, reason, detail, 0, List.of(),
                inputs, SKIP_POLICY, at);
    }

    public boolean allowed() {
        return Outcome.ALLOW.equals(outcome);
    }

    /** Whether the goal runner skipped the run (not an answer of enforcement). */
    public boolean skipped() {
        return outcome == Outcome.SKIP;
    }

    public String runId() {
        return trigger.runId();
    }
}
