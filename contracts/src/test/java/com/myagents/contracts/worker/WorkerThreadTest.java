package com.myagents.contracts.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WorkerThreadTest {

    @Test
    void startsOnceAndStopsAWorkerBlockedInASleepByWakingIt() throws Exception {
        AtomicInteger loops = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        WorkerThread[] holder = new WorkerThread[1];
        holder[0] = new WorkerThread("test-worker", () -> {
            loops.incrementAndGet();
            try {
                while (holder[0].running()) {
                    Thread.sleep(60_000);
                }
            } catch (InterruptedException e) {
                // woken to stop
            }
            ended.countDown();
        });

        holder[0].start();
        holder[0].start();
        assertThat(holder[0].running()).isTrue();
        holder[0].stop(Thread::interrupt, Duration.ofSeconds(5));

        assertThat(ended.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(loops).hasValue(1);
        assertThat(holder[0].running()).isFalse();
        holder[0].stop(t -> { throw new AssertionError("a stopped worker is not woken again"); }, Duration.ZERO);
    }

    @Test
    void backoffDoublesUpToItsCapAndStopsPausingWhenTheWorkerStops() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(25));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(10));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(20));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(25));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(10));

        assertThat(backoff.pause(() -> true)).isTrue();
        assertThat(backoff.pause(() -> false)).isFalse();
    }
}
