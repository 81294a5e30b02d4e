package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.myagents.contracts.OpenCode;

/**
 * Whether an allowed action is performed for real or only described. A trial's
 * {@code trial_dry_run_actions} are allowed as {@link #DRY_RUN}: the connector records exactly
 * what it would have sent and sends nothing. Enforcement signs the mode with the command, so a
 * connector cannot be talked into acting for real on a dry-run allowance.
 *
 * <p>An {@link OpenCode}, like {@link ReasonCode}: a mode a newer enforcement writes is kept as
 * written and passed on unchanged (so a signature over it still verifies), never refused; only
 * {@link #LIVE} acts, so an unknown mode acts less.
 */
public final class ExecutionMode extends OpenCode {

    public static final ExecutionMode LIVE = new ExecutionMode("live");
    public static final ExecutionMode DRY_RUN = new ExecutionMode("dry_run");

    private static final Known<ExecutionMode> KNOWN = new Known<>(ExecutionMode.class, ExecutionMode::new, LIVE, DRY_RUN);

    public ExecutionMode(String code) {
        super(code, "an execution mode");
    }

    /**
     * The known constant itself for a known code (so {@code ==} holds), a new mode carrying any
     * other; records written before the mode existed were all live, so null reads as {@link #LIVE}.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExecutionMode fromCode(String code) {
        return code == null ? LIVE : KNOWN.fromCode(code);
    }

    /** True only for {@link #LIVE}: an action is performed for real on nothing else. */
    public boolean live() {
        return LIVE.equals(this);
    }
}
