package com.myagents.contracts;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic as every part of the system must see it: name, key and value serdes, partitions and
 * cleanup. Build {@code Consumed}/{@code Produced} and producers/consumers from here, never from
 * a string.
 */
public record Topic<K, V>(
        String name,
        String keyMeaning,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int partitions,
        Cleanup cleanup,
        Duration retention) {

    public enum Cleanup { DELETE, COMPACT }

    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }

    /** The topic as the broker should create it, for {@code Admin#createTopics}. */
    public NewTopic newTopic(short replicationFactor) {
        String policy = cleanup == Cleanup.COMPACT ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
        return new NewTopic(name, partitions, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, policy,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
    }
}
