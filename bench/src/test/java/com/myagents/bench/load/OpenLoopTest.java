package com.myagents.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class OpenLoopTest {

    private record Done(long index, long latency, String answer, Throwable error) {
    }

    private final List<Done> done = new CopyOnWriteArrayList<>();

    @Test
    void sendsEveryScheduledCallAndTimesItsAnswer() {
        OpenLoop.Result result = OpenLoop.run(500, Duration.ofMillis(200), 100, Duration.ofSeconds(5),
                i -> CompletableFuture.completedFuture("ok " + i), this::completed);

        assertThat(result.scheduled()).isEqualTo(100);
        assertThat(result.refused()).isZero();
        assertThat(result.unfinished()).isZero();
        assertThat(done).hasSize(100).allSatisfy(d -> {
            assertThat(d.answer()).isEqualTo("ok " + d.index());
            assertThat(d.error()).isNull();
        });
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void aSlowSystemShowsInTheLatencyFromTheIntendedSendTimeNotInAFewerCalls() {
        // each send blocks the generator for 10 ms while calls are due every 1 ms: the schedule is
        // kept by sending late, and the lateness is part of every latency
        OpenLoop.Result result = OpenLoop.run(1000, Duration.ofMillis(50), 100, Duration.ofSeconds(5), i -> {
            sleep(10);
            return CompletableFuture.completedFuture("ok");
        }, this::completed);

        assertThat(result.scheduled()).isEqualTo(50);
        assertThat(done).hasSize(50);
        long worst = done.stream().mapToLong(Done::latency).max().orElseThrow();
        assertThat(worst).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(result.maxLag()).isGreaterThan(Duration.ofMillis(300));
    }

    @Test
    void callsBeyondTheInFlightLimitAreRefusedAsErrorsAndUnansweredOnesReported() {
        OpenLoop.Result result = OpenLoop.run(1000, Duration.ofMillis(20), 5, Duration.ofMillis(50),
                i -> new CompletableFuture<String>(), this::completed);

        assertThat(result.scheduled()).isEqualTo(20);
        assertThat(result.refused()).isEqualTo(15);
        assertThat(result.unfinished()).isEqualTo(5);
        assertThat(done).hasSize(15).allSatisfy(d -> assertThat(d.error()).isInstanceOf(OpenLoop.Overloaded.class));
    }

    @Test
    void aSenderThatThrowsCountsAsAFailedCall() {
        OpenLoop.run(1000, Duration.ofMillis(3), 10, Duration.ofSeconds(1), i -> {
            throw new IllegalStateException("connection refused");
        }, this::completed);

        assertThat(done).hasSize(3).allSatisfy(d -> assertThat(d.error()).hasMessage("connection refused"));
    }

    private void completed(long index, long latency, String answer, Throwable error) {
        done.add(new Done(index, latency, answer, error));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
