package com.myagents.plant.materializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.worker.Backoff;
import com.myagents.contracts.worker.WorkerThread;
import com.myagents.plant.worker.WorkerHealth;

/**
 * Copies stream outputs (decisions, denials, drafts, results) into Plant's tables. Reads only
 * committed records, writes them in batched database transactions, and commits offsets after
 * the database: a crash replays records, and the idempotent writes make a replay change nothing.
 * A record that cannot be read or that the database refuses for good is logged and skipped; a
 * database outage rewinds to the first unwritten record and retries with backoff.
 */
public class Materializer implements SmartLifecycle {

    public static final String DEFAULT_GROUP_ID = "myagents-plant-materializer";

    public static final List<Topic<String, ?>> TOPICS = List.of(
            Topics.EXECUTION_DECISIONS, Topics.ENFORCEMENT_DENIALS, Topics.DELIVERABLE_DRAFTS, Topics.EXECUTION_RESULTS,
            Topics.EXECUTION_COMMANDS, Topics.ACCESS_RECORDS, Topics.GOAL_RUN_DECISIONS, Topics.GOAL_RUN_SETTLEMENTS);

    private static final Logger log = LoggerFactory.getLogger(Materializer.class);
    private static final int BATCH = 200;

    private final DSLContext dsl;
    private final Map<String, Object> consumerConfig;
    private final StreamOutputRows rows = new StreamOutputRows();
    private final WorkerHealth health = new WorkerHealth();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final MaterializerLag lag = new MaterializerLag();
    /** The events of the batch being written (worker thread only), counted once it commits. */
    private final List<Object> parsed = new ArrayList<>();
    private volatile FlowMeters meters = FlowMeters.NONE;

    private volatile Consumer<String, byte[]> consumer;
    private final WorkerThread worker = new WorkerThread("plant-materializer", this::work);

    /**
     * @param consumerConfig at least {@code bootstrap.servers}; {@code group.id} defaults to
     *                       {@value #DEFAULT_GROUP_ID}; isolation, auto commit and deserializers
     *                       are set here
     */
    public Materializer(DSLContext dsl, Map<String, Object> consumerConfig) {
        this.dsl = dsl;
        this.consumerConfig = Map.copyOf(consumerConfig);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(WorkerThread.wakingUp(() -> consumer), Duration.ofSeconds(15));
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }

    /** Records written to the database (replays included: they change nothing). */
    public long appliedCount() {
        return applied.get();
    }

    /** Poison records: unreadable, or refused by the database for good. */
    public long skippedCount() {
        return skipped.get();
    }

    public Health health() {
        return health(null);
    }

    /** As {@link #health()}, and DOWN while it is behind by more than {@code maxLag} (readiness). */
    public Health health(Duration maxLag) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("applied", applied.get());
        details.put("skipped", skipped.get());
        details.put("lag", lag.records());
        Duration behind = lag.behind(Instant.now());
        details.put("behind_ms", behind.toMillis());
        Health report = health.report(worker.running(), details);
        if (maxLag != null && behind.compareTo(maxLag) > 0) {
            return Health.down().withDetails(report.getDetails()).withDetail("behind", "by more than " + maxLag).build();
        }
        return report;
    }

    /** Counts what it writes into these domain counters from now on. */
    public void countInto(FlowMeters flowMeters) {
        this.meters = flowMeters;
    }

    /** The names of the topics it writes to PostgreSQL. */
    public static List<String> topicNames() {
        return TOPICS.stream().map(Topic::name).toList();
    }

    /** Records not yet materialized, per topic (as of the last poll). */
    public Map<String, Long> lagByTopic() {
        return lag.records();
    }

    /** How far behind the materializer is: the age of the oldest record it has not written yet (about). */
    public Duration behind() {
        return lag.behind(Instant.now());
    }

    private void work() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        try (Consumer<String, byte[]> kafka = new KafkaConsumer<>(config());
             FlowMeters.Binding clientMetrics = meters.bindClient(kafka)) {
            consumer = kafka;
            kafka.subscribe(TOPICS.stream().map(Topic::name).toList());
            while (worker.running()) {
                try {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    boolean written = materialize(kafka, records);
                    lag.observe(kafka, records, written, Instant.now());
                    if (written) {
                        health.succeeded();
                        backoff.reset();
                    } else if (!backoff.pause(this::isRunning)) {
                        break;
                    }
                } catch (WakeupException | InterruptException e) {
                    break;
                } catch (KafkaException e) {
                    health.failed(e);
                    log.warn("materializer poll failed, retrying: {}", e.toString());
                    if (!backoff.pause(this::isRunning)) {
                        break;
                    }
                }
            }
        } catch (WakeupException | InterruptException e) {
            log.debug("materializer stopped while closing", e);
        } finally {
            consumer = null;
        }
    }

    /**
     * Writes one poll's records, per partition in batches of up to {@value #BATCH} records, each
     * batch one database transaction (a commit per record capped the rows/s a fan-out reaches).
     * A batch the database refuses is written again record by record, so a poison record costs
     * only itself. Returns false when the database went away and the records were rewound.
     */
    private boolean materialize(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> all = records.records(partition);
            for (int from = 0; from < all.size(); from += BATCH) {
                List<ConsumerRecord<String, byte[]>> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                try {
                    applyAll(batch);
                    done.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
                    continue;
                } catch (RuntimeException e) {
                    if (DatabaseOutage.causedBy(e)) {
                        return outage(kafka, records, done, batch.get(0), e);
                    }
                    // someone in the batch is poison: find out who, one record at a time
                }
                for (ConsumerRecord<String, byte[]> record : batch) {
                    try {
                        applyAll(List.of(record));
                    } catch (RuntimeException e) {
                        if (DatabaseOutage.causedBy(e)) {
                            return outage(kafka, records, done, record, e);
                        }
                        skipped.incrementAndGet();
                        log.error("skipping poison record {}-{}@{} (key {}): {}",
                                record.topic(), record.partition(), record.offset(), record.key(), e.toString());
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
        }
        commit(kafka, done);
        return true;
    }

    private boolean outage(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records,
            Map<TopicPartition, OffsetAndMetadata> done, ConsumerRecord<String, byte[]> at, RuntimeException e) {
        health.failed(e);
        log.warn("database unavailable while materializing {}-{}@{}, will retry: {}",
                at.topic(), at.partition(), at.offset(), e.toString());
        commit(kafka, done);
        rewind(kafka, records, done);
        return false;
    }

    /** One transaction for the records' writes; an unreadable record fails it before anything is written. */
    private void applyAll(List<ConsumerRecord<String, byte[]>> batch) {
        List<Write> writes = new ArrayList<>(batch.size());
        parsed.clear();
        for (ConsumerRecord<String, byte[]> record : batch) {
            if (record.value() != null) {
                writes.add(parse(record));
            }
        }
        if (!writes.isEmpty()) {
            dsl.transaction(cfg -> writes.forEach(write -> write.into(cfg.dsl())));
        }
        applied.addAndGet(writes.size());
        parsed.forEach(meters::materialized);
    }

    private Write parse(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        byte[] value = record.value();
        if (topic.equals(Topics.EXECUTION_DECISIONS.name())) {
            var decision = read(Topics.EXECUTION_DECISIONS, value);
            return tx -> rows.recordDecision(tx, decision);
        }
        if (topic.equals(Topics.ENFORCEMENT_DENIALS.name())) {
            var denial = read(Topics.ENFORCEMENT_DENIALS, value);
            return tx -> rows.recordDenial(tx, denial);
        }
        if (topic.equals(Topics.DELIVERABLE_DRAFTS.name())) {
            var draft = read(Topics.DELIVERABLE_DRAFTS, value);
            return tx -> rows.recordDraft(tx, draft);
        }
        if (topic.equals(Topics.EXECUTION_RESULTS.name())) {
            var result = read(Topics.EXECUTION_RESULTS, value);
            return tx -> rows.recordResult(tx, result);
        }
        if (topic.equals(Topics.EXECUTION_COMMANDS.name())) {
            var command = read(Topics.EXECUTION_COMMANDS, value);
            return tx -> rows.recordCommand(tx, command);
        }
        if (topic.equals(Topics.ACCESS_RECORDS.name())) {
            var access = read(Topics.ACCESS_RECORDS, value);
            return tx -> rows.recordAccess(tx, access);
        }
        if (topic.equals(Topics.GOAL_RUN_DECISIONS.name())) {
            var decision = read(Topics.GOAL_RUN_DECISIONS, value);
            return tx -> rows.recordGoalRunDecision(tx, decision);
        }
        if (topic.equals(Topics.GOAL_RUN_SETTLEMENTS.name())) {
            var settlement = read(Topics.GOAL_RUN_SETTLEMENTS, value);
            return tx -> rows.recordGoalRunSettlement(tx, settlement);
        }
        throw new IllegalArgumentException("not a topic the materializer reads: " + topic);
    }

    private <V> V read(Topic<String, V> topic, byte[] value) {
        V event = topic.valueSerde().deserializer().deserialize(topic.name(), value);
        if (event == null) {
            throw new IllegalArgumentException("empty " + topic.name() + " record");
        }
        parsed.add(event);
        return event;
    }

    private void commit(Consumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            kafka.commitSync(done);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved on; whoever owns them now replays these records harmlessly.
            log.warn("materializer offset commit failed, records will be replayed: {}", e.toString());
        }
    }

    private static void rewind(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records,
            Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata written = done.get(partition);
            long next = written != null ? written.offset() : records.records(partition).get(0).offset();
            kafka.seek(partition, next);
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, DEFAULT_GROUP_ID);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "plant-materializer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        config.putAll(consumerConfig);
        // Only what the streams committed, offsets only after the database has the rows.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /** One record's database writes, run inside a transaction. */
    @FunctionalInterface
    private interface Write {
        void into(DSLContext tx);
    }
}
