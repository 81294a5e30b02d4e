package com.myagents.plant.outbox;

import static com.myagents.plant.jooq.generated.Tables.OUTBOX;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What waits in the outbox: the relay's lag, for health and metrics, and the purge of what was published long ago. */
final class OutboxBacklog {

    private final DSLContext dsl;

    OutboxBacklog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Rows committed but not yet published. */
    int pendingCount() {
        return dsl.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull());
    }

    /** How long the oldest unpublished row has waited (zero when none waits). */
    Duration oldestPendingAge() {
        OffsetDateTime oldest = dsl.select(DSL.min(OUTBOX.CREATED_AT)).from(OUTBOX).where(OUTBOX.PUBLISHED_AT.isNull())
                .fetchOne(0, OffsetDateTime.class);
        return oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()).abs();
    }

    /** Deletes rows published more than {@code retain} ago; returns how many. */
    int purgePublishedBefore(Duration retain) {
        return dsl.deleteFrom(OUTBOX).where(OUTBOX.PUBLISHED_AT.lt(OffsetDateTime.now().minus(retain))).execute();
    }
}
