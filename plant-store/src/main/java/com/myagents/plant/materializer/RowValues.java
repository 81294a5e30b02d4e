package com.myagents.plant.materializer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jooq.JSONB;

import com.myagents.contracts.serde.EventJson;

/** How event fields become column values, the same way for every table the materializer writes. */
final class RowValues {

    private RowValues() {
    }

    static UUID uuidOrNull(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static JSONB json(Object value) {
        return JSONB.valueOf(EventJson.MAPPER.writeValueAsString(value));
    }
}
