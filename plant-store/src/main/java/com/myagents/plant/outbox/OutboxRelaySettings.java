package com.myagents.plant.outbox;

import java.time.Duration;

/**
 * How the relay works: rows per transaction, how often it sweeps without a notification, how long
 * it waits for the broker's acks, and how long published rows are kept (zero keeps them forever).
 */
public record OutboxRelaySettings(int batchSize, Duration sweepInterval, Duration sendTimeout, Duration retainPublished) {

    public OutboxRelaySettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
    }

    public static OutboxRelaySettings defaults() {
        return new OutboxRelaySettings(200, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofDays(7));
    }
}
