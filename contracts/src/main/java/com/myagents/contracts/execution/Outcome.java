package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A decision's verdict on the wire: {@code allow} or {@code deny} ({@code skip} for a goal run the
 * goal runner did not run). Not an enum, so that a verdict
 * a newer enforcement may write is read and passed on as written; only {@link #ALLOW} lets
 * anything happen, whatever else a record says.
 */
public record Outcome(String code) {

    public static final Outcome ALLOW = new Outcome("allow");
    public static final Outcome DENY = new Outcome("deny");
    /** Only ever on a goal-run decision: the goal runner did not run a due or requested run. */
    public static final Outcome SKIP = new Outcome("skip");

    public Outcome {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an outcome is a non-blank string");
        }
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Outcome fromCode(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "allow" -> ALLOW;
            case "deny" -> DENY;
            case "skip" -> SKIP;
            default -> new Outcome(code);
        };
    }

    /** False for a verdict written by a newer enforcement than this build. */
    public boolean known() {
        return this.equals(ALLOW) || this.equals(DENY) || this.equals(SKIP);
    }

    @Override
    public String toString() {
        return code;
    }
}
