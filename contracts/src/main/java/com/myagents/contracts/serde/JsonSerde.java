package com.myagents.contracts.serde;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.core.JacksonException;

/**
 * JSON serde for one event type. Every record it writes carries a {@code schema} header
 * ({@code execution-decision/v1}) so a consumer can tell versions apart without parsing.
 * Immutable and thread-safe: one instance per topic, declared in {@link com.myagents.contracts.Topics}.
 */
public final class JsonSerde<T> implements Serde<T> {

    public static final String SCHEMA_HEADER = "schema";

    private final Class<T> type;
    private final String schema;
    private final Serializer<T> serializer = new Serializer<>() {
        @Override
        public byte[] serialize(String topic, T data) {
            return write(data);
        }

        @Override
        public byte[] serialize(String topic, Headers headers, T data) {
            if (data != null && headers != null) {
                headers.remove(SCHEMA_HEADER);
                headers.add(SCHEMA_HEADER, schema.getBytes(StandardCharsets.UTF_8));
            }
            return write(data);
        }
    };
    private final Deserializer<T> deserializer = (topic, bytes) -> read(bytes);

    public JsonSerde(Class<T> type, String schemaName, int version) {
        this.type = type;
        this.schema = schemaName + "/v" + version;
    }

    public String schema() {
        return schema;
    }

    public byte[] write(T data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.MAPPER.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + schema, e);
        }
    }

    public T read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return EventJson.MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new SerializationException("not a valid " + schema + " record", e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
