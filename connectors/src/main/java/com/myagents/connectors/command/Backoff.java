package com.myagents.connectors.command;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits between retries: doubles from {@code initial} up to {@code max}, in slices so a stop is not held up. */
final class Backoff {

    private static final long SLICE_MILLIS = 50;

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    void reset() {
        next = initial;
    }

    /** Sleeps for the next wait; false when the worker should stop. */
    boolean pause(BooleanSupplier keepGoing) {
        long deadline = System.nanoTime() + next.toNanos();
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        try {
            while (keepGoing.getAsBoolean()) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000;
                if (remaining <= 0) {
                    return true;
                }
                Thread.sleep(Math.min(SLICE_MILLIS, remaining));
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
