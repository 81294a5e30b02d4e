package com.myagents.launcher.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StopSequenceTest {

    @Test
    void stepsRunInOrderAndTheirPartsSideBySide() {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch bothDoors = new CountDownLatch(2);
        Runnable door = () -> {
            bothDoors.countDown();
            try {
                // each door waits for the other: only side by side can both finish
                assertThat(bothDoors.await(5, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.add("door");
        };
        StopSequence sequence = new StopSequence(List.of(
                StopSequence.Step.of("doors", Duration.ofSeconds(10), door, door),
                StopSequence.Step.of("broker", Duration.ofSeconds(10), () -> done.add("broker")),
                StopSequence.Step.of("database", Duration.ofSeconds(10), () -> done.add("database"))));

        StopSequence.Outcome outcome = sequence.run();

        assertThat(outcome.clean()).isTrue();
        assertThat(done).containsExactly("door", "door", "broker", "database");
        assertThat(sequence.current()).isEqualTo("(done)");
    }

    @Test
    void aStepPastItsBoundIsNamedAndLeftBehindAndTheNextStepsStillRun() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger after = new AtomicInteger();
        StopSequence sequence = new StopSequence(List.of(
                StopSequence.Step.of("raft shutdown", Duration.ofMillis(200), () -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                StopSequence.Step.of("failing", Duration.ofSeconds(5), () -> {
                    throw new IllegalStateException("already closed");
                }),
                StopSequence.Step.of("postgresql", Duration.ofSeconds(5), after::incrementAndGet)));

        StopSequence.Outcome outcome = sequence.run();

        assertThat(outcome.overran()).containsExactly("raft shutdown");
        assertThat(outcome.clean()).isFalse();
        assertThat(after).hasValue(1);
        never.countDown();
    }

    @Test
    void theWatchdogHaltsWithStatusOneNamingTheStepUnlessDisarmed() throws Exception {
        CountDownLatch halted = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(-1);
        StopWatchdog.arm(Duration.ofMillis(100), () -> "stream apps", code -> {
            status.set(code);
            halted.countDown();
        });
        assertThat(halted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(status).hasValue(StopWatchdog.OVERRAN);

        AtomicInteger calls = new AtomicInteger();
        StopWatchdog disarmed = StopWatchdog.arm(Duration.ofMillis(300), () -> "doors", code -> calls.incrementAndGet());
        disarmed.disarm();
        Thread.sleep(600);
        assertThat(calls).hasValue(0);
    }
}
