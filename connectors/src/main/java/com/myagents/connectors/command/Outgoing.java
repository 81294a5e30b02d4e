package com.myagents.connectors.command;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.myagents.contracts.Topic;

/** One event to publish, typed by its topic so it is written with the topic's own serde. */
public record Outgoing<V>(Topic<String, V> topic, String key, V value) {

    ProducerRecord<String, byte[]> toRecord() {
        RecordHeaders headers = new RecordHeaders();
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), headers, value);
        return new ProducerRecord<>(topic.name(), null, key, bytes, headers);
    }
}
