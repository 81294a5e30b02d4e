package com.myagents.goals.topology;

import java.time.Duration;

import com.myagents.streams.StoreKind;

/**
 * What the goal-runner topology may vary by environment: how often the scheduler looks for due
 * goals, where stores keep their state (RocksDB in production, in memory for driver tests), how
 * many attempts a subscription keeps for its guardrail report, how long a drafted run id is
 * remembered, and how metered runs ask enforcement: up to {@code askBatch} runs of a subscription
 * in one request, sent when that many wait or every {@code askInterval}.
 */
public record TopologySettings(Duration punctuationInterval, StoreKind stores, int attemptsKept,
        Duration draftedRunsRetention, int askBatch, Duration askInterval) {

    /** The most attempts a guardrail report may ask for ({@code last_n_attempts} ≤ 100). */
    public static final int MAX_ATTEMPTS_SHOWN = 100;
    /**
     * Runs asking enforcement in one request, at most: a record of ~200 KB (a trigger is ~400 B of
     * JSON), well under the broker's 1 MB, and one ledger write in enforcement for all of them.
     */
    public static final int ASK_BATCH = 500;
    /** How long a metered run waits, at most, for others to ask with it (by the wall clock). */
    public static final Duration ASK_INTERVAL = Duration.ofMillis(50);

    public TopologySettings {
        if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
            throw new IllegalArgumentException("punctuation interval must be positive");
        }
        attemptsKept = Math.max(attemptsKept, MAX_ATTEMPTS_SHOWN);
        if (askBatch < 1 || askInterval.isNegative() || askInterval.isZero()) {
            throw new IllegalArgumentException("metered runs ask in batches of at least one, at a positive interval");
        }
    }

    public static TopologySettings of(Duration punctuationInterval, StoreKind stores) {
        return new TopologySettings(punctuationInterval, stores, MAX_ATTEMPTS_SHOWN, Duration.ofDays(14), ASK_BATCH,
                ASK_INTERVAL);
    }

    /** The same settings, with metered runs asking up to {@code batch} at a time. */
    public TopologySettings askingInBatchesOf(int batch) {
        return new TopologySettings(punctuationInterval, stores, attemptsKept, draftedRunsRetention, batch, askInterval);
    }

    public static TopologySettings inMemory(Duration punctuationInterval) {
        return of(punctuationInterval, StoreKind.IN_MEMORY);
    }
}
