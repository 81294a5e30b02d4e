package com.myagents.contracts.worker;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits between retries of a background worker: doubles from {@code initial} up to {@code max}. */
public final class Backoff {

    private static final long SLICE_MILLIS = 100;

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The wait before the next retry; each call doubles the one after, up to the cap. */
    public Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    public void reset() {
        next = initial;
    }

    /**
     * Sleeps for the next wait, in short slices so that a stopping worker is not held up; false
     * when the worker should stop (asked to, or interrupted).
     */
    public boolean pause(BooleanSupplier keepGoing) {
        long deadline = System.nanoTime() + next().toNanos();
        try {
            while (keepGoing.getAsBoolean()) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return true;
                }
                Thread.sleep(Math.min(SLICE_MILLIS, remainingMillis));
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
