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
 * {@link Replacements}); past that, or for any other failure when only broker
 * failures are replaced, the client shuts down and its health goes DOWN, for an
 * orchestrator to restart it.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    /**
     * Which dead threads are replaced and how often: at most {@code max} within {@code window}, and
     * with {@code onlyBrokerFailures} only those the broker killed.
     */
    public record Replacements(boolean onlyBrokerFailures, int max, Duration window) {
    }

    private final String application;
    private final Replacements limits;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private int replaced;

    public StreamThreadFailures(String application, Replacements limits, Clock clock) {
        this.application = application;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable error) {
        boolean brokerFailure = brokerFailure(error);
        if (limits.onlyBrokerFailures() && !brokerFailure) {
            log.error("{} stream thread failed; stopping the client (health DOWN)", application, error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(limits.window()))) {
            recent.removeFirst();
        }
        if (recent.size() >= limits.max()) {
            log.error("{} stream thread failed {} times within {}; stopping the client (health DOWN)", application,
                    recent.size() + 1, limits.window(), error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        replaced++;
        log.warn("{} stream thread failed ({}); replacing it, {} of {} within {}", application,
                brokerFailure ? "broker away" : "processing error", recent.size(), limits.max(), limits.window(), error);
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
