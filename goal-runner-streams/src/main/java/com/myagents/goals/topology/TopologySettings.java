package com.myagents.goals.topology;

import java.time.Duration;

/**
 * What the goal-runner topology may vary by environment: how often the scheduler looks for due
 * goals, whether stores are persistent (RocksDB in production) or in memory (driver tests), how
 * many attempts a subscription keeps for its guardrail report, and how long a drafted run id is
 * remembered.
 */
public record TopologySettings(Duration punctuationInterval, boolean persistentStores, int attemptsKept,
        Duration draftedRunsRetention) {

    /** The most attempts a guardrail report may ask for ({@code last_n_attempts} ≤ 100). */
    public static final int MAX_ATTEMPTS_SHOWN = 100;

    public TopologySettings {
        if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
            throw new IllegalArgumentException("punctuation interval must be positive");
        }
        attemptsKept = Math.max(attemptsKept, MAX_ATTEMPTS_SHOWN);
    }

    public static TopologySettings production(Duration punctuationInterval) {
        return new TopologySettings(punctuationInterval, true, MAX_ATTEMPTS_SHOWN, Duration.ofDays(14));
    }

    public static TopologySettings inMemory(Duration punctuationInterval) {
        return new TopologySettings(punctuationInterval, false, MAX_ATTEMPTS_SHOWN, Duration.ofDays(14));
    }
}
