package com.myagents.enforcement.policy;

import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.ReasonCode;

/**
 * What a set of rules concluded about one request: every check it ran and the inputs it read.
 * Only {@link Allowed} lets a request go on; everything else is a {@link Denied} with its reason.
 */
public sealed interface Verdict permits Verdict.Allowed, Verdict.Denied {

    List<CheckResult> checks();

    Map<String, Object> inputs();

    record Allowed(List<CheckResult> checks, Map<String, Object> inputs) implements Verdict {
    }

    record Denied(ReasonCode reason, String detail, List<CheckResult> checks, Map<String, Object> inputs)
            implements Verdict {
    }
}
