package com.myagents.plant.materializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import com.myagents.contracts.Topics;

/**
 * What the materializer does with a record that fails alone: a poison record (unreadable, or refused
 * by the database for good) is retried a few times with exponential back-off, then published to
 * {@link Topics#PLANT_DEAD_LETTERS} and skipped; a database outage is retried with back-off for as
 * long as it lasts and is never dead-lettered (nothing is skipped while the database is away).
 */
final class PoisonRecords {

    private static final Logger log = LoggerFactory.getLogger(PoisonRecords.class);

    /** Retries of a record that failed alone before it is dead-lettered: a refusal for good fails the same way again. */
    static final int POISON_RETRIES = 2;

    private PoisonRecords() {
    }

    /**
     * @param deadLetters publishes to the dead-letter topic with the materializer's own principal
     * @param skipped     counts each record dead-lettered
     */
    static DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> deadLetters, AtomicLong skipped) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetters, PoisonRecords::destination);
        publisher.excludeHeader(HeadersToAdd.EX_STACKTRACE);
        publisher.setHeadersFunction((record, e) -> new RecordHeaders().add(DeadLetterRows.ERROR_HEADER,
                reason(e).getBytes(StandardCharsets.UTF_8)));
        ConsumerRecordRecoverer recoverer = (record, e) -> {
            if (DatabaseOutage.causedBy(e)) {
                // never reached (the outage back-off does not end); if it were, the record is retried, not skipped
                throw new IllegalStateException("a database outage is not a poison record", e);
            }
            publisher.accept(record, e);
            skipped.incrementAndGet();
            log.error("dead-lettered poison record {} (key {}): {}", BatchWriter.place(record), record.key(), reason(e));
        };
        ExponentialBackOffWithMaxRetries poison = new ExponentialBackOffWithMaxRetries(POISON_RETRIES);
        poison.setInitialInterval(200);
        poison.setMultiplier(2);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, poison);
        handler.setBackOffFunction((record, e) -> DatabaseOutage.causedBy(e) ? outageBackOff() : null);
        // each retry is a seek the container would log as an error with its stack; the writer's warning
        // (an outage) and the dead-letter line above say what happened, once
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    /** Half a second, doubling up to thirty, for as long as the database is away. */
    static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        return backOff;
    }

    /** Dead letters of the dead-letter topic itself are only logged: publishing them again would loop. */
    private static TopicPartition destination(ConsumerRecord<?, ?> record, Exception e) {
        return record.topic().equals(Topics.PLANT_DEAD_LETTERS.name()) ? null
                : new TopicPartition(Topics.PLANT_DEAD_LETTERS.name(), -1);
    }

    /** Why the record failed, in the words of the innermost cause (the parser's or the database's). */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
