package com.myagents.enforcement.verify;

import java.util.List;

/** What the verifier concluded about one recorded decision. */
public sealed interface Redecided permits Redecided.Identical, Redecided.Mismatch, Redecided.NotReplayable {

    String policyVersion();

    record Identical(String policyVersion, String correlationId) implements Redecided {
    }

    /**
     * The rules of the decision's policy version, given its recorded inputs, do not give the
     * recorded decision.
     *
     * @param recorded        the recorded verdict, e.g. {@code deny approval_missing}
     * @param recomputed      the verdict the rules give, or why they could not be run
     * @param differingInputs the inputs whose recorded value is not what the rules record
     *                        ({@code subscription.status: recorded "active", recomputed …})
     * @param otherDifferences differences beyond the verdict and inputs (detail, checks, cost)
     */
    record Mismatch(String policyVersion, String correlationId, String kind, String recorded, String recomputed,
            List<String> differingInputs, List<String> otherDifferences) implements Redecided {
    }

    /** A decision of a policy version whose rules this build does not hold. */
    record NotReplayable(String policyVersion, String correlationId) implements Redecided {
    }
}
