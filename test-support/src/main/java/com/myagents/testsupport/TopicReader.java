package com.myagents.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import com.myagents.contracts.Topic;

/**
 * Reads one topic of the shared broker from the beginning, as a read_committed consumer with the
 * topic's own serdes, keeping what passes a filter: whole records ({@link #records}) or values
 * ({@link #values}). A record the topic's serde cannot read (another test's poison record) is seen
 * with a null value, so it never stops a read.
 */
public final class TopicReader<T> implements AutoCloseable {

    private final String topicName;
    private final KafkaConsumer<String, ?> consumer;
    private final Supplier<List<T>> pollOnce;
    private final List<T> seen = new ArrayList<>();

    private TopicReader(String topicName, KafkaConsumer<String, ?> consumer, Supplier<List<T>> pollOnce) {
        this.topicName = topicName;
        this.consumer = consumer;
        this.pollOnce = pollOnce;
    }

    private static <V, T> TopicReader<T> open(Topic<String, V> topic, String bootstrapServers,
                                              Predicate<ConsumerRecord<String, V>> keep,
                                              Function<ConsumerRecord<String, V>, T> as) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                topic.keySerde().deserializer(), tolerant(topic.valueSerde().deserializer()));
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new TopicReader<>(topic.name(), consumer, () -> {
            List<T> kept = new ArrayList<>();
            for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                if (keep.test(record)) {
                    kept.add(as.apply(record));
                }
            }
            return kept;
        });
    }

    /** The records (key, value, headers) whose record passes {@code keep}. */
    public static <V> TopicReader<ConsumerRecord<String, V>> records(Topic<String, V> topic,
                                                                     Predicate<ConsumerRecord<String, V>> keep) {
        return open(topic, SharedTestInfra.kafkaBootstrapServers(), keep, record -> record);
    }

    /** The values that pass {@code keep}, on the shared broker. */
    public static <V> TopicReader<V> values(Topic<String, V> topic, Predicate<V> keep) {
        return values(topic, SharedTestInfra.kafkaBootstrapServers(), keep);
    }

    /** The values that pass {@code keep}, on the broker at {@code bootstrapServers}. */
    public static <V> TopicReader<V> values(Topic<String, V> topic, String bootstrapServers, Predicate<V> keep) {
        return open(topic, bootstrapServers, record -> record.value() != null && keep.test(record.value()),
                ConsumerRecord::value);
    }

    /** Polls until {@code done} holds for what was kept so far, or the timeout passes. */
    public List<T> readUntil(Predicate<List<T>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen) && System.nanoTime() < deadline) {
            poll();
        }
        return List.copyOf(seen);
    }

    /** Everything kept after polling for the whole duration. */
    public List<T> readFor(Duration duration) {
        return readUntil(kept -> false, duration);
    }

    /** The first thing kept, failing the test when nothing is within the timeout. */
    public T first(Duration timeout) {
        List<T> kept = readUntil(k -> !k.isEmpty(), timeout);
        if (kept.isEmpty()) {
            throw new AssertionError("nothing on " + topicName + " matched within " + timeout);
        }
        return kept.get(0);
    }

    private void poll() {
        seen.addAll(pollOnce.get());
    }

    private static <V> Deserializer<V> tolerant(Deserializer<V> real) {
        return (topic, data) -> {
            try {
                return real.deserialize(topic, data);
            } catch (RuntimeException unreadable) {
                return null;
            }
        };
    }

    @Override
    public void close() {
        consumer.close();
    }
}
