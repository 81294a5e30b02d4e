package com.myagents.connectors.connector;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.intent.Intent;
import com.myagents.connectors.intent.Target;
import com.myagents.connectors.vault.Credential;
import com.myagents.contracts.execution.ExecutionCommand;

/** Performs the intents of one target (Delta Exchange, LinkedIn, X) with the real platform API. */
public interface Connector {

    Target target();

    /** Exactly what {@link #perform} would send for this command, without a credential: the dry run. */
    DryRunPlan describe(Intent intent, ExecutionCommand command);

    /**
     * True when the platform can say whether an earlier, unfinished attempt acted (Delta: the order
     * by client_order_id); false when only a human can tell (a social post).
     */
    boolean canSettleAnEarlierAttempt();

    /**
     * Performs the intent. Every call to the platform carries the command's idempotency key where
     * the platform takes one.
     *
     * @param resumed an earlier attempt claimed this command and did not finish
     * @throws RetryLater when the outcome cannot be known yet; the command is tried again later
     */
    Outcome perform(Intent intent, ExecutionCommand command, Credential credential, boolean resumed);
}
