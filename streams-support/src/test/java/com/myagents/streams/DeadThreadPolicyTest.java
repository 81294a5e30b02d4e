package com.myagents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class DeadThreadPolicyTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void failClosedStopsTheAppOnAnyFailureThatIsNotTheBrokers() {
        StreamThreadFailures failures = DeadThreadPolicy.FAIL_CLOSED.handler("enforcement", clock);

        assertThat(failures.handle(new StreamsException(new TimeoutException("broker away"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.handle(new StreamsException(new IllegalStateException("a bug in a rule"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void boundedReplacementReplacesAnyFailedThreadUntilTheBoundIsReached() {
        StreamThreadFailures failures = DeadThreadPolicy.BOUNDED_REPLACEMENT.handler("goal-runner", clock);
        IllegalStateException processingError = new IllegalStateException("bad record");

        for (int i = 0; i < DeadThreadPolicy.MAX_REPLACEMENTS; i++) {
            assertThat(failures.handle(processingError)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(failures.handle(processingError)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.replacedCount()).isEqualTo(DeadThreadPolicy.MAX_REPLACEMENTS);
    }

    @Test
    void failClosedBoundsTheReplacementsOfBrokerFailuresToo() {
        StreamThreadFailures failures = DeadThreadPolicy.FAIL_CLOSED.handler("enforcement", clock);
        TimeoutException away = new TimeoutException("broker away");

        for (int i = 0; i < DeadThreadPolicy.MAX_REPLACEMENTS; i++) {
            failures.handle(away);
        }
        assertThat(failures.handle(away)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
