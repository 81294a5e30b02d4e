package com.myagents.plant.materializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind the materializer is, measured on each listener thread after each batch (a consumer is
 * not thread-safe; each consumer's partitions are kept apart) and read by health and metrics, summed over
 * the consumers: records not yet written per topic, and since
 * when a partition has had records waiting — the age of its oldest unwritten record, about.
 */
final class MaterializerLag {

    /** One consumer's view (its own partitions); consumers run in parallel, each on its own thread. */
    private final Map<String, ConsumerLag> byConsumer = new ConcurrentHashMap<>();

    /** After one batch: {@code written} false when {@code polled} are still to be written (retried, or the database away). */
    void observe(Consumer<?, ?> consumer, List<ConsumerRecord<String, byte[]>> polled, boolean written, Instant now) {
        byConsumer.computeIfAbsent(Thread.currentThread().getName(), thread -> new ConsumerLag())
                .observe(consumer, polled, written, now);
    }

    /** Records not yet written, per topic, over every consumer. */
    Map<String, Long> records() {
        Map<String, Long> byTopic = new TreeMap<>();
        byConsumer.values().forEach(part -> part.records.forEach((topic, n) -> byTopic.merge(topic, n, Long::sum)));
        return Map.copyOf(byTopic);
    }

    Duration behind(Instant now) {
        Instant since = byConsumer.values().stream().map(part -> part.oldestWaiting).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        return since == null ? Duration.ZERO : Duration.between(since, now);
    }

    private static final class ConsumerLag {

        private final Map<TopicPartition, Instant> waitingSince = new HashMap<>();
        private volatile Map<String, Long> records = Map.of();
        private volatile Instant oldestWaiting;

        void observe(Consumer<?, ?> consumer, List<ConsumerRecord<String, byte[]>> polled, boolean written, Instant now) {
            Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new HashMap<>();
            polled.forEach(r -> byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayList<>()).add(r));
            Map<String, Long> byTopic = new TreeMap<>();
            for (TopicPartition partition : consumer.assignment()) {
                OptionalLong lag = consumer.currentLag(partition);
                long waiting = lag.orElse(0L);
                if (!written) {
                    waiting += byPartition.getOrDefault(partition, List.of()).size();
                }
                byTopic.merge(partition.topic(), waiting, Long::sum);
                if (waiting == 0) {
                    waitingSince.remove(partition);
                } else {
                    // the first record still waiting is no older than the last one written; without one, since now
                    Instant since = written ? lastWritten(byPartition.getOrDefault(partition, List.of()), partition, now) : waitingSince.getOrDefault(partition, now);
                    waitingSince.merge(partition, since, (old, fresh) -> written ? fresh : old);
                }
            }
            waitingSince.keySet().retainAll(consumer.assignment());
            records = Map.copyOf(byTopic);
            oldestWaiting = waitingSince.values().stream().min(Instant::compareTo).orElse(null);
        }

        private Instant lastWritten(List<ConsumerRecord<String, byte[]>> list, TopicPartition partition, Instant now) {
            if (list.isEmpty()) {
                return waitingSince.getOrDefault(partition, now);
            }
            ConsumerRecord<String, byte[]> last = list.get(list.size() - 1);
            return Instant.ofEpochMilli(Math.min(last.timestamp(), now.toEpochMilli()));
        }
    }
}
