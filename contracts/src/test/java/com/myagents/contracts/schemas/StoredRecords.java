package com.myagents.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.myagents.contracts.Topic;
import com.myagents.contracts.serde.EventJson;
import com.myagents.contracts.serde.JsonSerde;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Records as some writer stored them (the fixtures under {@code /records}, or bytes a test wrote),
 * read back the way a consumer reads them and checked against the schema their topic publishes.
 */
final class StoredRecords {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private StoredRecords() {
    }

    /** The stored record, read; it must validate against its topic's published schema first. */
    static <V> V readValid(Topic<String, V> topic, String fixture) {
        return readValid(topic, bytes(fixture));
    }

    static <V> V readValid(Topic<String, V> topic, byte[] stored) {
        assertThat(errors(topic, EventJson.MAPPER.readTree(stored))).as(topic.name()).isEmpty();
        return serde(topic).read(stored);
    }

    /** One field of the record as this build writes it again: what it does not know is passed on as written. */
    static <V> String writtenAgain(Topic<String, V> topic, V record, String field) {
        return EventJson.MAPPER.readTree(serde(topic).write(record)).path(field).asString();
    }

    static List<Error> errors(Topic<?, ?> topic, JsonNode value) {
        return REGISTRY.getSchema(schemaOf(topic)).validate(value);
    }

    static JsonNode schemaOf(Topic<?, ?> topic) {
        try (InputStream in = PublishedSchema.open(topic)) {
            assertThat(in).as(PublishedSchema.resource(topic)).isNotNull();
            return EventJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <V> JsonSerde<V> serde(Topic<String, V> topic) {
        return (JsonSerde<V>) topic.valueSerde();
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = StoredRecords.class.getResourceAsStream("/records/" + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
