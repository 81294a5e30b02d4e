package com.myagents.testsupport;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.myagents.contracts.Topic;

/**
 * Puts events on a topic the way their producer in the pipeline does (the topic's serde, its key,
 * acks=all), waiting for each to be written, so a test plays a part of the pipeline it does not start.
 */
public final class TopicWriter implements AutoCloseable {

    private static TopicWriter shared;

    private final KafkaProducer<String, byte[]> producer;

    private TopicWriter(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** One writer on the shared broker for the whole test JVM (its producer thread dies with the JVM). */
    public static synchronized TopicWriter shared() {
        if (shared == null) {
            shared = new TopicWriter(SharedTestInfra.kafkaBootstrapServers());
        }
        return shared;
    }

    /** A writer of its own on the broker at {@code bootstrapServers}; close it. */
    public static TopicWriter to(String bootstrapServers) {
        return new TopicWriter(bootstrapServers);
    }

    /** The event under its key; a null event is a tombstone. */
    public <V> void publish(Topic<String, V> topic, String key, V event) {
        publishRaw(topic.name(), key, event == null ? null : topic.valueSerde().serializer().serialize(topic.name(), event));
    }

    /** Bytes as they are, e.g. a record no serde would write. */
    public void publishRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
