package com.myagents.enforcement.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.ReasonCode;

/**
 * The record of one evaluation as it happens: each named check with its result, and the inputs
 * that decided it. A trail can continue where an earlier stage left off, so the final decision
 * lists every check of every stage.
 */
public final class CheckTrail {

    private final List<CheckResult> checks;
    private final Map<String, Object> inputs;

    private CheckTrail(List<CheckResult> checks, Map<String, Object> inputs) {
        this.checks = new ArrayList<>(checks);
        this.inputs = new LinkedHashMap<>(inputs);
    }

    public static CheckTrail start() {
        return new CheckTrail(List.of(), Map.of());
    }

    public static CheckTrail continuing(List<CheckResult> checks, Map<String, Object> inputs) {
        return new CheckTrail(checks == null ? List.of() : checks, inputs == null ? Map.of() : inputs);
    }

    /** Records an input of the decision; a null value is recorded as absent (JSON null). */
    public CheckTrail input(String name, Object value) {
        inputs.put(name, value);
        return this;
    }

    public void pass(String check, String detail) {
        checks.add(new CheckResult(check, true, detail));
    }

    public Verdict.Denied fail(String check, ReasonCode reason, String detail) {
        checks.add(new CheckResult(check, false, detail));
        return new Verdict.Denied(reason, detail, checks(), inputs());
    }

    public Verdict.Allowed allow() {
        return new Verdict.Allowed(checks(), inputs());
    }

    public List<CheckResult> checks() {
        return List.copyOf(checks);
    }

    /** The inputs in the order they were recorded; may hold null values, so not {@code Map.copyOf}. */
    public Map<String, Object> inputs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
}
