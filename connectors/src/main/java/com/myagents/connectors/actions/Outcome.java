package com.myagents.connectors.actions;

import com.myagents.contracts.execution.ExecutionResult.Status;

/**
 * How one command ended at the connector. {@code detail} starts with what happened in words;
 * {@code failureCode} names why a failed one failed (e.g. {@code insufficient_margin},
 * {@code outcome_unknown}) and leads its detail too, since the result event has no field of its own for it.
 */
public record Outcome(Status status, String failureCode, String externalId, long costMinor, String detail) {

    public static final String OUTCOME_UNKNOWN = "outcome_unknown";

    public static Outcome executed(String externalId, long costMinor, String detail) {
        return new Outcome(Status.EXECUTED, null, externalId, costMinor, detail);
    }

    public static Outcome failed(String code, String detail) {
        return new Outcome(Status.FAILED, code, null, 0, code + ": " + detail);
    }

    /** The customer published the post by hand; {@code postedUrl} is where, when they said. */
    public static Outcome executedManually(String postedUrl, String detail) {
        return new Outcome(Status.EXECUTED_MANUALLY, null, postedUrl, 0, detail);
    }

    public static Outcome dryRun(String detail) {
        return new Outcome(Status.DRY_RUN, null, null, 0, detail);
    }
}
