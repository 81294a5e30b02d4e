package com.myagents.gateway.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Every access record onto {@code myagents.access-records.v1}, keyed by correlation_id. A request
 * never waits for Kafka: records go through a bounded queue that one thread drains, a batch at a
 * time, into a producer that lingers (by default 100 ms) so that one produce request carries every
 * record of that interval instead of one request per call. A record the topic does not get — the
 * queue is full because Kafka is slow or away, or the producer gives up on it — is written to the log
 * instead ({@code alsoTo}) and counted; a record the topic took is not logged a second time.
 *
 * <p>On an orderly stop ({@link #close()}) the queue is drained and the producer flushed, so nothing
 * taken is lost. On a crash, the records still queued or lingering (at most the linger's worth, or
 * the queue while Kafka was away) are lost with the process.
 */
public class KafkaAccessJournal implements AccessJournal, AutoCloseable {

    public static final String SERVICE = "gateway";

    /** The default linger: at 100 calls/s, ten records per produce request. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(KafkaAccessJournal.class);
    private static final Topic<String, com.myagents.contracts.access.AccessRecord> TOPIC = Topics.ACCESS_RECORDS;
    private static final int BATCH = 500;

    private final AccessJournal alsoTo;
    private final BlockingQueue<AccessRecord> queue;
    private final Producer<String, com.myagents.contracts.access.AccessRecord> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread drain;
    private volatile boolean running = true;

    /**
     * @param producerConfig at least {@code bootstrap.servers}; serializers, acks and idempotence are set here
     * @param capacity       records held while Kafka is slow or away
     * @param alsoTo         where a record goes when the topic does not get it (the log)
     */
    public KafkaAccessJournal(Map<String, Object> producerConfig, int capacity, AccessJournal alsoTo) {
        this(producerConfig, capacity, DEFAULT_LINGER, alsoTo);
    }

    /** @param linger how long the producer gathers records into one produce request */
    public KafkaAccessJournal(Map<String, Object> producerConfig, int capacity, Duration linger, AccessJournal alsoTo) {
        this.alsoTo = alsoTo;
        this.queue = new ArrayBlockingQueue<>(capacity);
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-access-journal");
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
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
        if (!queue.offer(record)) {
            alsoTo.record(record);
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

    /** Records the producer gave up on (they are in the log only). */
    public long failedCount() {
        return failed.get();
    }

    private void drain() {
        List<AccessRecord> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AccessRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                batch.forEach(this::send);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void send(AccessRecord record) {
        try {
            var event = event(record);
            producer.send(new ProducerRecord<>(TOPIC.name(), event.correlationId(), event), (metadata, error) -> {
                if (error == null) {
                    sent.incrementAndGet();
                } else {
                    notWritten(record, error);
                }
            });
        } catch (RuntimeException e) {
            notWritten(record, e);
        }
    }

    private void notWritten(AccessRecord record, Exception error) {
        failed.incrementAndGet();
        log.warn("access record {} not written to {}: {}", record.correlationId(), TOPIC.name(), error.toString());
        alsoTo.record(record);
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
