package com.myagents.enforcement.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.enforcement.app.BrokerOptions;

/**
 * Reads every committed decision of the two decision topics (execution and goal-run decisions)
 * decided in {@code [from, to)}, from the beginning of each partition to its end as of the start.
 * Assigned, not subscribed: the verifier joins no consumer group and commits nothing. A record
 * that does not read as a decision is handed on as {@link Recorded.Unreadable}, not skipped.
 */
public final class DecisionTopics {

    private final Properties client;

    /** @param client consumer properties: at least {@code bootstrap.servers}, plus any security settings */
    public DecisionTopics(Properties client) {
        this.client = client;
    }

    public void read(Instant from, Instant to, Consumer<Recorded> sink) {
        read(Topics.EXECUTION_DECISIONS, from, to, sink, bytes -> new Recorded.Execution(
                Topics.EXECUTION_DECISIONS.valueSerde().deserializer().deserialize(Topics.EXECUTION_DECISIONS.name(), bytes)));
        read(Topics.GOAL_RUN_DECISIONS, from, to, sink, bytes -> new Recorded.GoalRun(
                Topics.GOAL_RUN_DECISIONS.valueSerde().deserializer().deserialize(Topics.GOAL_RUN_DECISIONS.name(), bytes)));
    }

    private interface Reader {
        Recorded read(byte[] bytes);
    }

    private void read(Topic<?, ?> topic, Instant from, Instant to, Consumer<Recorded> sink, Reader reader) {
        Properties props = BrokerOptions.committedReader(client);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            var found = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
            if (found == null) {
                return;
            }
            found.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        Recorded recorded = readOne(topic, record, reader);
                        if (inRange(recorded, from, to)) {
                            sink.accept(recorded);
                        }
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
    }

    private static Recorded readOne(Topic<?, ?> topic, ConsumerRecord<byte[], byte[]> record, Reader reader) {
        try {
            return reader.read(record.value());
        } catch (RuntimeException notADecision) {
            return new Recorded.Unreadable(topic.name() + "-" + record.partition() + "@" + record.offset(),
                    notADecision.getMessage());
        }
    }

    private static boolean inRange(Recorded recorded, Instant from, Instant to) {
        Instant at = recorded.decidedAt();
        if (at == null) {
            return true;
        }
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }
}
