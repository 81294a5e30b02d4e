package com.myagents.bench.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.myagents.contracts.worker.WorkerThread;

/**
 * Watches topics from their current end, as a downstream consumer would (no group, every
 * partition), and hands each record to the benchmark with the moment it became visible here.
 */
public final class Arrivals implements AutoCloseable {

    /** One record and {@link System#nanoTime()} when the poll returned it. */
    @FunctionalInterface
    public interface Listener {
        void arrived(ConsumerRecord<String, byte[]> record, long visibleAtNanos);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Listener listener;
    private final WorkerThread worker = new WorkerThread("bench-arrivals", this::run);

    /** @param readCommitted see only committed transactions, as every consumer of stream output does */
    public Arrivals(String bootstrapServers, List<String> topics, boolean readCommitted, Listener listener) {
        this.listener = listener;
        this.consumer = new KafkaConsumer<>(KafkaLogins.config(bootstrapServers, Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-arrivals")),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo partition : partitionsOf(topic)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the positions now, so that nothing produced after this constructor is missed
        partitions.forEach(consumer::position);
        worker.start();
    }

    /** A topic created a moment ago may not be in the metadata yet: asked again until it is. */
    private List<PartitionInfo> partitionsOf(String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions != null && !partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void run() {
        try {
            while (worker.running()) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    listener.arrived(record, now);
                }
            }
        } catch (WakeupException stopping) {
            // close() asked us to end
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        worker.stop(WorkerThread.wakingUp(() -> consumer), Duration.ofSeconds(10));
    }
}
