package com.myagents.ingest.ops;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.myagents.contracts.Topics;

/**
 * Copies access records and signed commands into the drill-down's tables until plant-store's
 * materializer takes them over (then switch this off with {@code myagents.ops.materializer.enabled=false};
 * running both is harmless, every write is insert-if-absent). Offsets are committed after the
 * database has the rows; a record the database refuses for good is logged and skipped, a
 * database outage rewinds the poll and waits.
 */
public class OpsMaterializer implements SmartLifecycle {

    public static final String GROUP_ID = "myagents-ops-materializer";
    static final List<String> TOPICS = List.of(Topics.ACCESS_RECORDS.name(), Topics.EXECUTION_COMMANDS.name());

    private static final Logger log = LoggerFactory.getLogger(OpsMaterializer.class);
    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(2);

    private final DSLContext db;
    private final Map<String, Object> consumerConfig;
    private final OpsEventRows rows = new OpsEventRows();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread worker;

    public OpsMaterializer(DSLContext db, String bootstrapServers) {
        this.db = db;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-api-ops-materializer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::work, "ops-materializer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        Thread current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            current = worker;
        }
        Consumer<String, byte[]> active = consumer;
        if (active != null) {
            active.wakeup();
        }
        try {
            current.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public long appliedCount() {
        return applied.get();
    }

    public long skippedCount() {
        return skipped.get();
    }

    private void work() {
        try (Consumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafka;
            kafka.subscribe(TOPICS);
            while (running) {
                try {
                    poll(kafka);
                } catch (KafkaException e) {
                    if (e instanceof WakeupException) {
                        break;
                    }
                    log.warn("ops materializer poll failed, retrying: {}", e.toString());
                    pause();
                }
            }
        } catch (WakeupException stopping) {
            // stop() ended a poll or the close
        } finally {
            consumer = null;
        }
    }

    private void poll(Consumer<String, byte[]> kafka) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            try {
                apply(record);
            } catch (RuntimeException e) {
                if (databaseAway(e)) {
                    log.warn("database unavailable at {}-{}@{}, rewinding: {}", record.topic(), record.partition(),
                            record.offset(), e.toString());
                    commit(kafka, done);
                    rewind(kafka, records, done);
                    pause();
                    return;
                }
                skipped.incrementAndGet();
                log.error("skipping unusable record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                        record.offset(), record.key(), e.toString());
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        commit(kafka, done);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(Topics.ACCESS_RECORDS.name())) {
            var access = Topics.ACCESS_RECORDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
            db.transaction(cfg -> rows.recordAccess(cfg.dsl(), access));
        } else {
            var command = Topics.EXECUTION_COMMANDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
            db.transaction(cfg -> rows.recordCommand(cfg.dsl(), command));
        }
        applied.incrementAndGet();
    }

    /**
     * A database that is away (connection lost, shutdown) rather than one refusing this record for
     * good (bad data: SQLSTATE classes 22 and 23), as plant-store's materializer tells them apart.
     */
    static boolean databaseAway(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || !(state.startsWith("22") || state.startsWith("23"));
            }
        }
        return false;
    }

    private static void commit(Consumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            try {
                kafka.commitSync(done);
            } catch (KafkaException e) {
                log.warn("ops materializer offset commit failed, records will be replayed: {}", e.toString());
            }
        }
    }

    private static void rewind(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records,
                               Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata written = done.get(partition);
            kafka.seek(partition, written != null ? written.offset() : records.records(partition).get(0).offset());
        }
    }

    private void pause() {
        try {
            Thread.sleep(OUTAGE_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
