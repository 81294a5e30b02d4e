package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a decision came out. {@code SKIP} is only ever on a goal-run decision: the goal runner did not
 * run a due or requested goal run (the instance or goal could not run it), never an execution.
 */
public enum Outcome {
    ALLOW, DENY, SKIP;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
