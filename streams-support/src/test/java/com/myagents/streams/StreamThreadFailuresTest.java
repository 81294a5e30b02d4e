package com.myagents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import com.myagents.streams.StreamThreadFailures.Replacements;

class StreamThreadFailuresTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void replacesAThreadTheBrokerKilledButStopsTheClientForAnythingElse() {
        StreamThreadFailures failures =
                new StreamThreadFailures("enforcement", new Replacements(true, 3, Duration.ofMinutes(10)), clock);

        assertThat(failures.handle(new StreamsException(new TimeoutException("awaiting InitProducerId"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.handle(new IllegalStateException("a bug in a rule")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.replacedCount()).isEqualTo(1);
    }

    @Test
    void stopsTheClientOnceTheReplacementsWithinTheWindowAreUsedUp() {
        StreamThreadFailures failures =
                new StreamThreadFailures("enforcement", new Replacements(true, 2, Duration.ofMinutes(10)), clock);
        TimeoutException away = new TimeoutException("broker away");

        assertThat(failures.handle(away)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.handle(away)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.handle(away)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);

        clock.advance(Duration.ofMinutes(11));
        assertThat(failures.handle(away)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.replacedCount()).isEqualTo(3);
    }

    @Test
    void replacesOnAnyFailureWhenAskedTo() {
        StreamThreadFailures failures =
                new StreamThreadFailures("goal-runner", new Replacements(false, 1, Duration.ofMinutes(1)), clock);

        assertThat(failures.handle(new IllegalStateException("bad record")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failures.handle(new IllegalStateException("bad record")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void aLostProducerStateIsTheBrokersFailureNotTheRecords() {
        assertThat(StreamThreadFailures.brokerFailure(new StreamsException(new ProducerFencedException("fenced")))).isTrue();
        assertThat(StreamThreadFailures.brokerFailure(new InvalidPidMappingException("unknown producer id"))).isTrue();
        assertThat(StreamThreadFailures.brokerFailure(new StreamsException("no cause"))).isFalse();
    }

    @Test
    void aCommitThatTimedOutWhileTheBrokerWasAwayIsTheBrokersFailure() {
        IllegalStateException pending = new IllegalStateException("Cannot attempt operation `send` because the previous "
                + "call to `commitTransaction` timed out and must be retried");
        assertThat(StreamThreadFailures.brokerFailure(new StreamsException("Failed to flush cache of store x", pending)))
                .isTrue();
        assertThat(StreamThreadFailures.brokerFailure(new IllegalStateException("bad record"))).isFalse();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
