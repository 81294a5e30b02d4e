package com.myagents.gateway.access;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;

/**
 * Every access record onto {@code myagents.access-records.v1}, keyed by correlation_id, beside the
 * log line. A request never waits for Kafka: records go through a bounded queue that one thread
 * drains into the producer; when Kafka is away long enough for the queue to fill, further records
 * are dropped from the topic (still logged) and counted, rather than slowing every caller down.
 */
public class KafkaAccessJournal implements AccessJournal, AutoCloseable {

    public static final String SERVICE = "gateway";

    private static final Logger log = LoggerFactory.getLogger(KafkaAccessJournal.class);
    private static final Topic<String, com.myagents.contracts.access.AccessRecord> TOPIC = Topics.ACCESS_RECORDS;

    private final AccessJournal alsoTo;
    private final BlockingQueue<com.myagents.contracts.access.AccessRecord> queue;
    private final Producer<String, com.myagents.contracts.access.AccessRecord> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread drain;
    private volatile boolean running = true;

    /**
     * @param producerConfig at least {@code bootstrap.servers}; serializers, acks and idempotence are set here
     * @param capacity       records held while Kafka is slow or away
     * @param alsoTo         where every record goes as well (the log)
     */
    public KafkaAccessJournal(Map<String, Object> producerConfig, int capacity, AccessJournal alsoTo) {
        this.alsoTo = alsoTo;
        this.queue = new ArrayBlockingQueue<>(capacity);
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-access-journal");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putAll(producerConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, TOPIC.keySerde().serializer(), TOPIC.valueSerde().serializer());
        this.drain = new Thread(this::drain, "gateway-access-journal");
        drain.setDaemon(true);
        drain.start();
    }

    @Override
    public void record(AccessRecord record) {
        alsoTo.record(record);
        if (!queue.offer(event(record))) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                log.warn("access-records queue is full (Kafka slow or away): {} record(s) kept in the log only", count);
            }
        }
    }

    /** The record as the topic carries it: an id of its own, arrival and completion times. */
    static com.myagents.contracts.access.AccessRecord event(AccessRecord record) {
        return new com.myagents.contracts.access.AccessRecord(UUID.randomUUID().toString(), record.correlationId(),
                SERVICE, record.client(), record.principalId(), record.principalKind(), record.method(), record.path(),
                record.status(), record.durationMs(), record.at().minusMillis(record.durationMs()), record.at(),
                record.clientCorrelationId());
    }

    /** Records the broker acknowledged. */
    public long sentCount() {
        return sent.get();
    }

    /** Records that did not fit the queue (they are in the log only). */
    public long droppedCount() {
        return dropped.get();
    }

    /** Records the producer gave up on. */
    public long failedCount() {
        return failed.get();
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            try {
                var event = queue.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    producer.send(new ProducerRecord<>(TOPIC.name(), event.correlationId(), event), (metadata, error) -> {
                        if (error == null) {
                            sent.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            log.warn("access record {} not written to {}: {}", event.correlationId(), TOPIC.name(),
                                    error.toString());
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                log.warn("access record not handed to Kafka: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            drain.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain.interrupt();
        producer.close(Duration.ofSeconds(5));
    }
}
