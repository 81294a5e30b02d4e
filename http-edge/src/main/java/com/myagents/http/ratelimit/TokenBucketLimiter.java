package com.myagents.http.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, in memory: {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. Per instance: the doors' own throttles use it, and the gateway when it
 * has no database (one instance) or while its database is unreachable; gateways that share a
 * database share their buckets in it instead.
 */
public final class TokenBucketLimiter implements RateLimiter {

    /** Above this many tracked keys, buckets that have refilled completely are forgotten. */
    static final int SWEEP_THRESHOLD = 10_000;

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double tokensPerNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong acquisitions = new AtomicLong();

    public TokenBucketLimiter(double requestsPerSecond, int burst) {
        this(requestsPerSecond, burst, System::nanoTime);
    }

    public TokenBucketLimiter(double requestsPerSecond, int burst, LongSupplier nanoClock) {
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.tokensPerNano = requestsPerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    @Override
    public RateDecision acquire(String key) {
        long now = nanoClock.getAsLong();
        if (acquisitions.incrementAndGet() % 1024 == 0 && buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private final class Bucket {

        private double tokens = burst;
        private long refilledAt;

        Bucket(long now) {
            this.refilledAt = now;
        }

        synchronized RateDecision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new RateDecision.Allowed();
            }
            double nanosToNextToken = (1 - tokens) / tokensPerNano;
            return new RateDecision.Limited(Math.max(1, (long) Math.ceil(nanosToNextToken / NANOS_PER_SECOND)));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
                refilledAt = now;
            }
        }
    }
}
