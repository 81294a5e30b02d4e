package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.myagents.contracts.OpenCode;

/**
 * A decision's verdict on the wire: {@code allow} or {@code deny} ({@code skip} for a goal run the
 * goal runner did not run). An {@link OpenCode}, so that a verdict a newer enforcement may write is
 * read and passed on as written; only {@link #ALLOW} lets anything happen, whatever else a record says.
 */
public final class Outcome extends OpenCode {

    public static final Outcome ALLOW = new Outcome("allow");
    public static final Outcome DENY = new Outcome("deny");
    /** Only ever on a goal-run decision: the goal runner did not run a due or requested run. */
    public static final Outcome SKIP = new Outcome("skip");

    private static final Known<Outcome> KNOWN = new Known<>(Outcome.class, Outcome::new, ALLOW, DENY, SKIP);

    public Outcome(String code) {
        super(code, "an outcome");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Outcome fromCode(String code) {
        return KNOWN.fromCode(code);
    }
}
