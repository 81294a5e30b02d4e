package com.myagents.contracts.serde;

import java.time.Instant;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON dialect of every event on every topic: snake_case fields (the names auditors and the
 * HTTP contract use), ISO-8601 instants (the canonical UTC form read on a fast path: {@link CanonicalInstants}), unknown fields tolerated so that a newer producer
 * never breaks an older consumer, and a number or flag an older producer did not write yet read as
 * zero or false (the published schemas do not require them), so an older record never breaks a
 * newer consumer.
 */
public final class EventJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(canonicalInstants())
            .build();

    private EventJson() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SimpleModule canonicalInstants() {
        return new SimpleModule("canonical-instants").addDeserializer(Instant.class, (ValueDeserializer) new CanonicalInstants());
    }
}
