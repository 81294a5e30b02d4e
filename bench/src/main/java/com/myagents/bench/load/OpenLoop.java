package com.myagents.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: call {@code i} is due at {@code start + i / rate} by the clock,
 * whether or not earlier calls have been answered, and its latency is measured from that intended
 * time, not from when it was actually sent. A stalled system therefore shows up in the
 * percentiles instead of quietly slowing the generator down (no coordinated omission).
 */
public final class OpenLoop {

    /** Starts call {@code index} and returns its answer to come. */
    @FunctionalInterface
    public interface Sender<T> {
        CompletableFuture<T> send(long index);
    }

    /** One finished call: its latency from the intended send time, its answer or its error. */
    @FunctionalInterface
    public interface Completion<T> {
        void completed(long index, long latencyNanos, T answer, Throwable error);
    }

    /** Refused because too many calls were unanswered: counted as an error at its intended time. */
    public static final class Overloaded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Overloaded(int inFlight) {
            super(inFlight + " calls unanswered");
        }
    }

    /**
     * @param scheduled  calls due in the run
     * @param unfinished calls still unanswered when the drain time was up
     * @param maxLag     the furthest the generator itself fell behind the schedule
     */
    public record Result(long scheduled, long refused, long unfinished, Duration elapsed, Duration maxLag) {
    }

    private OpenLoop() {
    }

    public static <T> Result run(double ratePerSecond, Duration duration, int maxInFlight, Duration drain,
            Sender<T> sender, Completion<T> completion) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        long calls = (long) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
        double period = 1e9 / ratePerSecond;
        AtomicLong inFlight = new AtomicLong();
        long refused = 0;
        long maxLag = 0;
        long start = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            long intended = start + (long) (i * period);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, -wait);
            long index = i;
            if (inFlight.get() >= maxInFlight) {
                refused++;
                completion.completed(index, System.nanoTime() - intended, null, new Overloaded(maxInFlight));
                continue;
            }
            inFlight.incrementAndGet();
            CompletableFuture<T> answer;
            try {
                answer = sender.send(index);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((value, error) -> {
                try {
                    completion.completed(index, System.nanoTime() - intended, value, error);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(1_000_000);
        }
        return new Result(calls, refused, inFlight.get(), Duration.ofNanos(System.nanoTime() - start),
                Duration.ofNanos(maxLag));
    }
}
