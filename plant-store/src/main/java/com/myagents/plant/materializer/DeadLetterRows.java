package com.myagents.plant.materializer;

import static com.myagents.plant.jooq.generated.Tables.DEAD_LETTERS;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jooq.DSLContext;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record of the dead-letter topic as a row of {@code plant.dead_letters}: where the original
 * came from (the headers the dead-letter publisher adds), its key, why it failed and when. Keyed
 * by the original's topic, partition and offset, so reading the dead letter again changes nothing.
 * Never refuses a record: a header that is missing is written as unknown.
 */
final class DeadLetterRows {

    /** The reason a record was dead-lettered, in words (the root cause), added by {@link PoisonRecords}. */
    static final String ERROR_HEADER = "myagents-error";

    private static final int MAX_ERROR = 2000;
    private static final int MAX_VALUE = 4000;
    private static final int MAX_KEY = 500;

    private DeadLetterRows() {
    }

    static void record(DSLContext tx, ConsumerRecord<String, byte[]> letter) {
        String error = text(letter, ERROR_HEADER);
        if (error == null) {
            error = text(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        }
        tx.insertInto(DEAD_LETTERS)
                .set(DEAD_LETTERS.SOURCE_TOPIC, orUnknown(text(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)))
                .set(DEAD_LETTERS.SOURCE_PARTITION, (int) number(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION, -1))
                .set(DEAD_LETTERS.SOURCE_OFFSET, number(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET, -1 - letter.offset()))
                .set(DEAD_LETTERS.RECORD_KEY, clip(letter.key(), MAX_KEY))
                .set(DEAD_LETTERS.ERROR, clip(orUnknown(error), MAX_ERROR))
                .set(DEAD_LETTERS.RECORD_VALUE, letter.value() == null ? null
                        : clip(new String(letter.value(), StandardCharsets.UTF_8), MAX_VALUE))
                .set(DEAD_LETTERS.DEAD_LETTERED_AT, Instant.ofEpochMilli(letter.timestamp()).atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A partition (4 bytes) or offset (8 bytes) header as the publisher writes it. An offset that
     * is missing falls back to a negative number unique per dead letter, so the row still exists.
     */
    private static long number(ConsumerRecord<?, ?> record, String name, long fallback) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return fallback;
        }
        byte[] bytes = header.value();
        return switch (bytes.length) {
            case Integer.BYTES -> ByteBuffer.wrap(bytes).getInt();
            case Long.BYTES -> ByteBuffer.wrap(bytes).getLong();
            default -> fallback;
        };
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
