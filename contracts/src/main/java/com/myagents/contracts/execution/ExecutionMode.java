package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an allowed action is performed for real or only described. A trial's
 * {@code trial_dry_run_actions} are allowed as {@link #DRY_RUN}: the connector records exactly
 * what it would have sent and sends nothing. Enforcement signs the mode with the command, so a
 * connector cannot be talked into acting for real on a dry-run allowance.
 *
 * <p>Not an enum on purpose, like {@link ReasonCode}: a mode a newer enforcement writes is kept as
 * written ({@link #known()} is false) and passed on unchanged (so a signature over it still
 * verifies), never refused; only {@link #LIVE} acts, so an unknown mode acts less.
 */
public record ExecutionMode(String code) {

    public static final ExecutionMode LIVE = new ExecutionMode("live");
    public static final ExecutionMode DRY_RUN = new ExecutionMode("dry_run");

    public ExecutionMode {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an execution mode is a non-blank string");
        }
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /**
     * The known constant itself for a known code (so {@code ==} holds), a new mode carrying any
     * other; records written before the mode existed were all live, so null reads as {@link #LIVE}.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExecutionMode fromCode(String code) {
        if (code == null || LIVE.code.equals(code)) {
            return LIVE;
        }
        return DRY_RUN.code.equals(code) ? DRY_RUN : new ExecutionMode(code);
    }

    /** False for a mode written by a newer enforcement than this build. */
    public boolean known() {
        return LIVE.equals(this) || DRY_RUN.equals(this);
    }

    /** True only for {@link #LIVE}: an action is performed for real on nothing else. */
    public boolean live() {
        return LIVE.equals(this);
    }

    @Override
    public String toString() {
        return code;
    }
}
