package com.myagents.contracts.serde;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON dialect of every event on every topic: snake_case fields (the names auditors and the
 * HTTP contract use), ISO-8601 instants, unknown fields tolerated so that a newer producer
 * never breaks an older consumer.
 */
public final class EventJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }
}
