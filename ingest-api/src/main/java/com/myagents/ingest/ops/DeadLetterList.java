package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.DEAD_LETTERS;

import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The stream records plant-store's materializer dead-lettered (unreadable, or refused by the
 * database for good), newest first, as it read them back from its dead-letter topic.
 */
@Repository
public class DeadLetterList {

    /** One dead letter: where the record was, its key, why it failed and when. */
    public record DeadLetter(String topic, int partition, long offset, String key, String error, String value,
            OffsetDateTime deadLetteredAt) {
    }

    public record DeadLetterPage(List<DeadLetter> deadLetters, int page, int size, int total) {
    }

    private final DSLContext db;

    public DeadLetterList(DSLContext db) {
        this.db = db;
    }

    public DeadLetterPage page(Paging paging) {
        List<DeadLetter> letters = db.selectFrom(DEAD_LETTERS)
                .orderBy(DEAD_LETTERS.DEAD_LETTERED_AT.desc(), DEAD_LETTERS.SOURCE_TOPIC, DEAD_LETTERS.SOURCE_PARTITION,
                        DEAD_LETTERS.SOURCE_OFFSET)
                .limit(paging.size()).offset(paging.offset())
                .fetch(r -> new DeadLetter(r.getSourceTopic(), r.getSourcePartition(), r.getSourceOffset(), r.getRecordKey(),
                        r.getError(), r.getRecordValue(), r.getDeadLetteredAt()));
        return new DeadLetterPage(letters, paging.page(), paging.size(), db.fetchCount(DEAD_LETTERS));
    }
}
