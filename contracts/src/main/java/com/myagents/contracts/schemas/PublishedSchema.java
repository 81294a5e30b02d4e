package com.myagents.contracts.schemas;

import java.io.InputStream;
import java.util.List;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.serde.JsonSerde;

/**
 * Where the JSON Schema (2020-12) of a topic's records is published: on the classpath of
 * {@code contracts} at {@code schemas/<schema>/v<version>.json}, named like the records'
 * {@code schema} header, so the schema, the header and the topic's {@code .v1} move together.
 */
public final class PublishedSchema {

    /** The topics whose records are a public contract (auditors and other tools read them). */
    public static final List<Topic<String, ?>> PUBLIC = List.of(Topics.EXECUTION_DECISIONS, Topics.ENFORCEMENT_DENIALS,
            Topics.EXECUTION_COMMANDS, Topics.EXECUTION_RESULTS, Topics.GOAL_RUN_DECISIONS, Topics.ACCESS_RECORDS);

    private PublishedSchema() {
    }

    /** The header value of the topic's records, e.g. {@code enforcement-denial/v1}. */
    public static String header(Topic<?, ?> topic) {
        return ((JsonSerde<?>) topic.valueSerde()).schema();
    }

    /** The classpath resource of the topic's schema, e.g. {@code schemas/enforcement-denial/v1.json}. */
    public static String resource(Topic<?, ?> topic) {
        return "schemas/" + header(topic) + ".json";
    }

    /** The schema's text as published, or null when the topic publishes none. */
    public static InputStream open(Topic<?, ?> topic) {
        return PublishedSchema.class.getClassLoader().getResourceAsStream(resource(topic));
    }
}
