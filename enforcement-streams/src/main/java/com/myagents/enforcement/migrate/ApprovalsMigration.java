package com.myagents.enforcement.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.enforcement.app.BrokerOptions;

/**
 * The one-shot replay of the approvals of v1 (keyed by deliverable, compacted) onto v2 (keyed by
 * subscription), for a system that ran the two-stage enforcement: the latest event of each
 * deliverable on v1 is published on v2 under its subscription, so the one-stage enforcement knows
 * every approval given before the upgrade. A deliverable that already has an event on v2 (reviewed
 * since the upgrade) is left alone — its v2 event is newer — which also makes a second run copy
 * nothing. Events of one deliverable are on one v1 partition, so the last one read is its latest.
 */
public final class ApprovalsMigration {

    /**
     * @param latest      deliverables found on v1 (their latest event each)
     * @param copied      of them, published on v2
     * @param alreadyOnV2 of them, left alone because v2 has an event of theirs
     * @param unreadable  v1 records that could not be read or name no deliverable or subscription
     */
    public record Outcome(int latest, int copied, int alreadyOnV2, int unreadable) {
    }

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private final Properties client;

    /** @param client the Kafka client settings (bootstrap servers, security) of the one who runs it */
    public ApprovalsMigration(Properties client) {
        this.client = client;
    }

    public Outcome run() {
        Map<String, ApprovalEvent> latest = new LinkedHashMap<>();
        int[] unreadable = {0};
        readAll(Topics.APPROVALS_V1, event -> {
            if (event == null || blank(event.deliverableId()) || blank(event.subscriptionId())) {
                unreadable[0]++;
            } else {
                latest.put(event.deliverableId(), event);
            }
        });
        Set<String> onV2 = new HashSet<>();
        readAll(Topics.APPROVALS, event -> {
            if (event != null && event.deliverableId() != null) {
                onV2.add(event.deliverableId());
            }
        });
        int copied = 0;
        if (latest.keySet().stream().anyMatch(deliverable -> !onV2.contains(deliverable))) {
            try (KafkaProducer<String, ApprovalEvent> producer = producer()) {
                for (ApprovalEvent event : latest.values()) {
                    if (!onV2.contains(event.deliverableId())) {
                        producer.send(new ProducerRecord<>(Topics.APPROVALS.name(), event.subscriptionId(), event));
                        copied++;
                    }
                }
                producer.flush();
            }
        }
        return new Outcome(latest.size(), copied, latest.size() - copied, unreadable[0]);
    }

    /** Every record of the topic up to its end when the read began; a record that cannot be read counts as null. */
    private void readAll(Topic<String, ApprovalEvent> topic, Consumer<ApprovalEvent> each) {
        Properties props = BrokerOptions.committedReader(client);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var found = consumer.partitionsFor(topic.name(), CLIENT_TIMEOUT);
            if (found == null || found.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            found.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, CLIENT_TIMEOUT));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        each.accept(read(topic, record.value()));
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
    }

    private static ApprovalEvent read(Topic<String, ApprovalEvent> topic, byte[] value) {
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), value);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private KafkaProducer<String, ApprovalEvent> producer() {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new StringSerializer(), Topics.APPROVALS.valueSerde().serializer());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
