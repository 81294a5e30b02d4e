package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an allowed action is performed for real or only described. A trial's
 * {@code trial_dry_run_actions} are allowed as {@link #DRY_RUN}: the connector records exactly
 * what it would have sent and sends nothing. Enforcement signs the mode with the command, so a
 * connector cannot be talked into acting for real on a dry-run allowance.
 */
public enum ExecutionMode {
    LIVE, DRY_RUN;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    /** Records written before the mode existed were all live; an unknown mode is read as a dry run (acts less). */
    @JsonCreator
    public static ExecutionMode fromCode(String code) {
        if (code == null || "live".equals(code)) {
            return LIVE;
        }
        return DRY_RUN;
    }
}
