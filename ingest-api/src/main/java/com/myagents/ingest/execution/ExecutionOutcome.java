package com.myagents.ingest.execution;

import com.myagents.contracts.execution.ExecutionDecision;

/** What an execute call ends in, as the HTTP layer must render it. */
sealed interface ExecutionOutcome {

    String correlationId();

    /** Enforcement answered in time; allow or deny is in the decision. */
    record Decided(String correlationId, ExecutionDecision decision) implements ExecutionOutcome {
    }

    /** Published, but the decision was not back within the wait: the caller polls. */
    record Pending(String correlationId) implements ExecutionOutcome {
    }
}
