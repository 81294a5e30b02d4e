package com.myagents.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a dead stream thread. A thread killed by the broker being away (a timeout, a lost
 * leader, a producer whose transaction state the broker no longer has) is replaced: under
 * exactly-once its open transaction is aborted and the new thread re-reads every uncommitted
 * record, so nothing is skipped and nothing is produced twice. Replacements are bounded (at most
 * {@code maxReplacements} within {@code window}); past that, or for any other failure when
 * {@code replaceOnlyBrokerFailures}, the client shuts down and its health goes DOWN, for an
 * orchestrator to restart it.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final String application;
    private final boolean replaceOnlyBrokerFailures;
    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private int replaced;

    public StreamThreadFailures(String application, boolean replaceOnlyBrokerFailures, int maxReplacements,
            Duration window, Clock clock) {
        this.application = application;
        this.replaceOnlyBrokerFailures = replaceOnlyBrokerFailures;
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable error) {
        boolean brokerFailure = brokerFailure(error);
        if (replaceOnlyBrokerFailures && !brokerFailure) {
            log.error("{} stream thread failed; stopping the client (health DOWN)", application, error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxReplacements) {
            log.error("{} stream thread failed {} times within {}; stopping the client (health DOWN)", application,
                    recent.size() + 1, window, error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        replaced++;
        log.warn("{} stream thread failed ({}); replacing it, {} of {} within {}", application,
                brokerFailure ? "broker away" : "processing error", recent.size(), maxReplacements, window, error);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Threads replaced since start. */
    public synchronized int replacedCount() {
        return replaced;
    }

    /** True when the cause is Kafka being unreachable or having lost the producer's state, not the record. */
    static boolean brokerFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof ProducerFencedException
                    || cause instanceof InvalidProducerEpochException || cause instanceof InvalidPidMappingException
                    || commitTimedOut(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The producer's refusal to go on after a commit that timed out while the broker was away: Kafka
     * has no type for it, only this state error (seen in the crash suite's broker outage). A new
     * thread aborts that transaction and re-reads what it had not committed.
     */
    private static boolean commitTimedOut(Throwable cause) {
        return cause instanceof IllegalStateException && cause.getMessage() != null
                && cause.getMessage().contains("commitTransaction` timed out and must be retried");
    }
}
