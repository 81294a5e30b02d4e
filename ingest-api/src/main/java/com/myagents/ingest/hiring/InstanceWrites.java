package com.myagents.ingest.hiring;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import com.myagents.plant.outbox.OutboxWriter;

/**
 * What a customer's change to a hired instance's goals or drafts works with: the database, the
 * instance guard (404 / locked / read-only), the outbox its events go to in the same transaction,
 * and the clock its times come from.
 */
@Component
public record InstanceWrites(DSLContext db, HiredInstances instances, OutboxWriter outbox, Clock clock) {

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
