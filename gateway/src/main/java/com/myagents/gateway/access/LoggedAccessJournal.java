package com.myagents.gateway.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** One JSON object per line on logger {@value #LOGGER}, so log shippers can parse it as is. */
public class LoggedAccessJournal implements AccessJournal {

    public static final String LOGGER = "myagents.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @Override
    public void record(AccessRecord record) {
        log.info(JSON.writeValueAsString(record));
    }
}
