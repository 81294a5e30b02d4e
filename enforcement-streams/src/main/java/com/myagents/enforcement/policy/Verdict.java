package com.myagents.enforcement.policy;

import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ReasonCode;

/**
 * What a set of rules concluded about one request: every check it ran and the inputs it read.
 * Only {@link Allowed} lets a request go on; everything else is a {@link Denied} with its reason.
 */
public sealed interface Verdict permits Verdict.Allowed, Verdict.Denied {

    List<CheckResult> checks();

    Map<String, Object> inputs();

    /** {@code mode} {@link ExecutionMode#DRY_RUN}: allowed to be described, not performed (a trial's dry-run action). */
    record Allowed(List<CheckResult> checks, Map<String, Object> inputs, ExecutionMode mode) implements Verdict {

        public Allowed(List<CheckResult> checks, Map<String, Object> inputs) {
            this(checks, inputs, ExecutionMode.LIVE);
        }

        Allowed asDryRun() {
            return new Allowed(checks, inputs, ExecutionMode.DRY_RUN);
        }
    }

    record Denied(ReasonCode reason, String detail, List<CheckResult> checks, Map<String, Object> inputs)
            implements Verdict {
    }
}
