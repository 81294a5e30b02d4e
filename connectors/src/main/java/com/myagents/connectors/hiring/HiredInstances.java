package com.myagents.connectors.hiring;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.myagents.contracts.Topics;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.worker.Backoff;
import com.myagents.contracts.worker.WorkerThread;

/**
 * Every hired instance's latest state, read from the compacted hired-agents topic from its start
 * into memory (refs only: the topic carries no secret). The connectors need it for one thing: the
 * credential ref a command's hired instance is configured with. No consumer group: every instance
 * of the connectors keeps the whole table.
 */
public class HiredInstances implements HiredInstanceTable, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HiredInstances.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerConfig;
    private final Map<String, HiredAgentChange> byId = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    private volatile Consumer<String, byte[]> consumer;
    /** A fixed second between attempts: the table must catch up, there is nothing to back off from. */
    private final Backoff retry = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1));
    private final WorkerThread worker = new WorkerThread("connectors-hired-instances", this::work);

    /** @param consumerConfig at least {@code bootstrap.servers} */
    public HiredInstances(Map<String, Object> consumerConfig) {
        this.consumerConfig = Map.copyOf(consumerConfig);
    }

    @Override
    public Optional<HiredAgentChange> find(String hiredInstanceId) {
        return hiredInstanceId == null ? Optional.empty() : Optional.ofNullable(byId.get(hiredInstanceId));
    }

    /** Waits until everything on the topic at start-up has been read; false when that took longer than {@code wait}. */
    @Override
    public boolean awaitCaughtUp(Duration wait) {
        try {
            return caughtUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int size() {
        return byId.size();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(WorkerThread.wakingUp(() -> consumer), Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }

    /** Before the command consumer, which waits for this table. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void work() {
        while (worker.running()) {
            try (Consumer<String, byte[]> kafka = new KafkaConsumer<>(config())) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException | InterruptException e) {
                return;
            } catch (KafkaException e) {
                log.warn("reading {} failed, starting over: {}", Topics.HIRED_AGENTS.name(), e.toString());
                if (!retry.pause(worker::running)) {
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(Consumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = kafka.partitionsFor(Topics.HIRED_AGENTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> startupEnd = new HashMap<>(kafka.endOffsets(partitions));
        while (worker.running()) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                apply(record);
            }
            if (caughtUp.getCount() > 0 && startupEnd.entrySet().stream()
                    .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                log.info("hired-instances table caught up: {} instances", byId.size());
                caughtUp.countDown();
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            byId.remove(record.key());
            return;
        }
        try {
            HiredAgentChange change = Topics.HIRED_AGENTS.valueSerde().deserializer()
                    .deserialize(record.topic(), record.value());
            byId.put(record.key(), change);
        } catch (RuntimeException e) {
            log.error("skipping unreadable hired-agent record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "connectors-hired-instances");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
