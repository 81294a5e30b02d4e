package com.myagents.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final TokenBucketLimiter limiter = new TokenBucketLimiter(2, 3, now::get);

    @Test
    void allowsABurstThenLimitsWithTheWaitForTheNextToken() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("cust-1")).isInstanceOf(RateDecision.Allowed.class);
        }

        assertThat(limiter.acquire("cust-1")).isEqualTo(new RateDecision.Limited(1));
    }

    @Test
    void refillsAtTheConfiguredRateUpToTheBurst() {
        drain("cust-1", 3);
        now.addAndGet(SECOND / 2);

        assertThat(limiter.acquire("cust-1")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire("cust-1")).isInstanceOf(RateDecision.Limited.class);

        now.addAndGet(3600 * SECOND);
        drain("cust-1", 3);
        assertThat(limiter.acquire("cust-1")).isInstanceOf(RateDecision.Limited.class);
    }

    @Test
    void givesEveryKeyItsOwnBucket() {
        drain("cust-1", 3);

        assertThat(limiter.acquire("cust-2")).isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        TokenBucketLimiter slow = new TokenBucketLimiter(0.1, 1, now::get);
        slow.acquire("k");

        assertThat(slow.acquire("k")).isEqualTo(new RateDecision.Limited(10));
        now.addAndGet(9 * SECOND + 1);
        assertThat(slow.acquire("k")).isEqualTo(new RateDecision.Limited(1));
    }

    @Test
    void forgetsIdleFullBucketsOnceManyKeysAreTracked() {
        for (int i = 0; i <= TokenBucketLimiter.SWEEP_THRESHOLD + 1024; i++) {
            limiter.acquire("k" + i);
        }
        now.addAndGet(10 * SECOND);

        for (int i = 0; i < 1024; i++) {
            limiter.acquire("fresh");
        }

        assertThat(limiter.trackedKeys()).isLessThan(10);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new TokenBucketLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucketLimiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void drain(String key, int times) {
        for (int i = 0; i < times; i++) {
            limiter.acquire(key);
        }
    }
}
