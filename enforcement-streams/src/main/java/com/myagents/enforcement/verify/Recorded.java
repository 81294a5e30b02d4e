package com.myagents.enforcement.verify;

import java.time.Instant;

import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.goals.GoalRunDecision;

/** One decision as read from its topic, or the bytes that would not read as one. */
public sealed interface Recorded permits Recorded.Execution, Recorded.GoalRun, Recorded.Unreadable {

    /** The correlation id auditors look it up by (a goal run's is its run id). */
    String correlationId();

    String policyVersion();

    Instant decidedAt();

    record Execution(ExecutionDecision decision) implements Recorded {
        @Override
        public String correlationId() {
            return decision.correlationId();
        }

        @Override
        public String policyVersion() {
            return decision.policyVersion();
        }

        @Override
        public Instant decidedAt() {
            return decision.decidedAt();
        }
    }

    record GoalRun(GoalRunDecision decision) implements Recorded {
        @Override
        public String correlationId() {
            return decision.trigger() == null ? null : decision.runId();
        }

        @Override
        public String policyVersion() {
            return decision.policyVersion();
        }

        @Override
        public Instant decidedAt() {
            return decision.decidedAt();
        }
    }

    /** A record of a decisions topic that is not a decision of its schema: never identical to anything. */
    record Unreadable(String where, String problem) implements Recorded {
        @Override
        public String correlationId() {
            return where;
        }

        @Override
        public String policyVersion() {
            return null;
        }

        @Override
        public Instant decidedAt() {
            return null;
        }
    }
}
