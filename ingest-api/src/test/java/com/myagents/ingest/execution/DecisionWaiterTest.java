package com.myagents.ingest.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class DecisionWaiterTest {

    @Test
    void isDownWhileNotListeningAndAnswersNothingWithinTheWait() {
        DecisionWaiter waiter = new DecisionWaiter("localhost:1");

        assertThat(waiter.health().getStatus()).isEqualTo(Status.DOWN);
        try (DecisionWaiter.Registration registration = waiter.register("corr-1")) {
            assertThat(waiter.health().getDetails()).containsEntry("waiting", 1);
            assertThat(registration.await(Duration.ofMillis(10))).isNull();
        }
        assertThat(waiter.health().getDetails()).containsEntry("waiting", 0);
    }

    @Test
    void aRetryClosingItsRegistrationLeavesTheFirstCallWaiting() {
        DecisionWaiter waiter = new DecisionWaiter("localhost:1");

        try (DecisionWaiter.Registration first = waiter.register("corr-2")) {
            try (DecisionWaiter.Registration retry = waiter.register("corr-2")) {
                assertThat(waiter.health().getDetails()).containsEntry("waiting", 1);
            }
            assertThat(waiter.health().getDetails()).containsEntry("waiting", 1);
        }
        assertThat(waiter.health().getDetails()).containsEntry("waiting", 0);
    }
}
