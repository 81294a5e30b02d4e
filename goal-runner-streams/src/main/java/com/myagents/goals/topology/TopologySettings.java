package com.myagents.goals.topology;

import java.time.Duration;

import com.myagents.streams.StoreKind;

/**
 * What the goal-runner topology may vary by environment: how often the scheduler looks for due
 * goals, where stores keep their state (RocksDB in production, in memory for driver tests), how
 * many attempts a subscription keeps for its guardrail report, and how long a drafted run id is
 * remembered.
 */
public record TopologySettings(Duration punctuationInterval, StoreKind stores, int attemptsKept,
        Duration draftedRunsRetention) {

    /** The most attempts a guardrail report may ask for ({@code last_n_attempts} ≤ 100). */
    public static final int MAX_ATTEMPTS_SHOWN = 100;

    public TopologySettings {
        if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
            throw new IllegalArgumentException("punctuation interval must be positive");
        }
        attemptsKept = Math.max(attemptsKept, MAX_ATTEMPTS_SHOWN);
    }

    public static TopologySettings of(Duration punctuationInterval, StoreKind stores) {
        return new TopologySettings(punctuationInterval, stores, MAX_ATTEMPTS_SHOWN, Duration.ofDays(14));
    }

    public static TopologySettings inMemory(Duration punctuationInterval) {
        return of(punctuationInterval, StoreKind.IN_MEMORY);
    }
}
