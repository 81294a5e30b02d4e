package com.myagents.connectors.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.myagents.contracts.Topic;
import com.myagents.embedded.SharedTestInfra;

/** Reads one topic from the beginning as a read_committed consumer, keeping the values that pass a filter. */
public final class TopicReader<V> implements AutoCloseable {

    private final Topic<String, V> topic;
    private final Predicate<V> keep;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<V> seen = new ArrayList<>();

    public TopicReader(Topic<String, V> topic, Predicate<V> keep) {
        this.topic = topic;
        this.keep = keep;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code done} holds for the values seen so far, or the timeout passes. */
    public List<V> readUntil(Predicate<List<V>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen) && System.nanoTime() < deadline) {
            poll();
        }
        return List.copyOf(seen);
    }

    /** Everything seen after polling for the whole duration. */
    public List<V> readFor(Duration duration) {
        return readUntil(values -> false, duration);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (value != null && keep.test(value)) {
                seen.add(value);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
