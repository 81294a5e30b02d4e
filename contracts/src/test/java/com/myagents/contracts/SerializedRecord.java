package com.myagents.contracts;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;

import com.myagents.contracts.serde.JsonSerde;

/**
 * A record as its topic's serde puts it on the wire: the JSON, the schema header beside it, and
 * what a consumer's deserializer makes of those bytes again.
 */
record SerializedRecord<V>(String json, String schemaHeader, V readBack) {

    static <V> SerializedRecord<V> of(Topic<String, V> topic, V record) {
        var serde = (JsonSerde<V>) topic.valueSerde();
        var headers = new RecordHeaders();
        byte[] bytes = serde.serializer().serialize(topic.name(), headers, record);
        return new SerializedRecord<>(new String(bytes, StandardCharsets.UTF_8),
                new String(headers.lastHeader(JsonSerde.SCHEMA_HEADER).value(), StandardCharsets.UTF_8),
                serde.deserializer().deserialize("t", bytes));
    }
}
