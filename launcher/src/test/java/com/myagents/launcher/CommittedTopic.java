package com.myagents.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import com.myagents.contracts.Topic;

/**
 * Everything committed on a topic, read from the beginning in a group of its own until the topic
 * has been quiet for three seconds: what a system test checks after the system has settled.
 */
final class CommittedTopic {

    private CommittedTopic() {
    }

    /**
     * @param client      the connection ({@code bootstrap.servers}, and a login where the broker wants one)
     * @param groupPrefix the new group's id is this plus a random suffix
     */
    static <V> List<V> read(Topic<String, V> topic, Map<String, Object> client, String groupPrefix) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            int quiet = 0;
            while (quiet < 6) {
                var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<String, V> record : records) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
