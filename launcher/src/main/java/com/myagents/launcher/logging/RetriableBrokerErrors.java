package com.myagents.launcher.logging;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Puts the embedded broker's known-retriable errors at the level they deserve. Under exactly-once
 * load with transactions v2 the broker logs {@code ERROR [ReplicaManager] Error processing append
 * operation … OutOfOrderSequenceException} when a transactional producer's retry races its epoch
 * bump (KAFKA-18202); the producer retries or aborts and the stream app replays, nothing is lost,
 * but an ERROR with a stack trace reads like data loss. Such an event is dropped at ERROR and
 * logged again, one line, at DEBUG on the same logger. Listed in the README's operations notes.
 */
public final class RetriableBrokerErrors extends TurboFilter {

    private static final String APPENDS = "kafka.server.ReplicaManager";
    private static final String RETRIABLE = "org.apache.kafka.common.errors.OutOfOrderSequenceException";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || t == null || !logger.getName().equals(APPENDS) || !t.getClass().getName().equals(RETRIABLE)) {
            return FilterReply.NEUTRAL;
        }
        if (logger.isDebugEnabled()) {
            logger.debug("retriable (KAFKA-18202, the producer retries; nothing is lost): {}: {}", format, t.getMessage());
        }
        return FilterReply.DENY;
    }
}
