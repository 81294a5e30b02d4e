package com.myagents.plant.materializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.myagents.plant.worker.WorkerHealth;

/**
 * The materializer's batch listener: one poll's records (up to {@code max.poll.records}) written in
 * one database transaction (a commit per record capped the rows/s a fan-out reaches), each kind of
 * statement sent as one JDBC batch. The container runs one listener thread per consumer, so
 * partitions are written in parallel; this class keeps no state of its own between batches. The container
 * commits the offsets after it returns, so a crash replays records and the idempotent writes make
 * a replay change nothing. A batch the database refuses is written again record by record, and the
 * first record that fails alone is handed to the error handler ({@link PoisonRecords}) with a
 * {@link BatchListenerFailedException}: the records before it are committed, it is retried, and
 * only then dead-lettered. A database outage fails the batch at its first unwritten record too, and
 * the error handler waits it out without ever dead-lettering.
 */
final class BatchWriter implements BatchConsumerAwareMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final DSLContext dsl;
    private final RecordWrites writes = new RecordWrites();
    private final WorkerHealth health;
    private final MaterializerLag lag;
    private final AtomicLong applied;
    private final Supplier<FlowMeters> meters;

    BatchWriter(DSLContext dsl, WorkerHealth health, MaterializerLag lag, AtomicLong applied, Supplier<FlowMeters> meters) {
        this.dsl = dsl;
        this.health = health;
        this.lag = lag;
        this.applied = applied;
        this.meters = meters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        try {
            applyBatched(records);
        } catch (RuntimeException batchFailed) {
            if (DatabaseOutage.causedBy(batchFailed)) {
                throw outage(records, 0, consumer, batchFailed);
            }
            // someone in the batch is poison: find out who, one record at a time
            oneByOne(records, consumer);
        }
        health.succeeded();
        lag.observe(consumer, records, true, Instant.now());
    }

    private void oneByOne(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                apply(List.of(record));
            } catch (RuntimeException failed) {
                if (DatabaseOutage.causedBy(failed)) {
                    throw outage(records, i, consumer, failed);
                }
                lag.observe(consumer, records.subList(i, records.size()), false, Instant.now());
                throw new BatchListenerFailedException("poison record " + place(record), failed, record);
            }
        }
    }

    private BatchListenerFailedException outage(List<ConsumerRecord<String, byte[]>> records, int at,
            Consumer<?, ?> consumer, RuntimeException e) {
        ConsumerRecord<String, byte[]> first = records.get(at);
        health.failed(e);
        log.warn("database unavailable while materializing {}, will retry: {}", place(first), e.toString());
        lag.observe(consumer, records.subList(at, records.size()), false, Instant.now());
        return new BatchListenerFailedException("database unavailable at " + place(first), e, first);
    }

    /**
     * One transaction for the batch, run step by step: the first statement of every record (grouped
     * by topic, each topic's records in their order), then the second, and so on, through jOOQ's
     * batched connection, which sends each run of the same statement as one JDBC batch — a few round
     * trips per batch instead of one per statement. Topics are read independently, so their writes
     * already commute; within a topic, the same step keeps the records' order.
     */
    private void applyBatched(List<ConsumerRecord<String, byte[]>> batch) {
        List<RecordWrites.Write> parsed = parse(batch);
        parsed.sort(Comparator.comparing(RecordWrites.Write::topic));
        int steps = parsed.stream().mapToInt(write -> write.steps().size()).max().orElse(0);
        if (!parsed.isEmpty()) {
            dsl.transaction(cfg -> {
                RunLocks.take(cfg.dsl(), parsed);
                cfg.dsl().batched(batched -> {
                    for (int step = 0; step < steps; step++) {
                        for (RecordWrites.Write write : parsed) {
                            if (step < write.steps().size()) {
                                write.steps().get(step).accept(batched.dsl());
                            }
                        }
                    }
                });
            });
        }
        counted(parsed);
    }

    /** One record alone, in its own transaction, statement by statement: finding a poison record. */
    private void apply(List<ConsumerRecord<String, byte[]>> batch) {
        List<RecordWrites.Write> parsed = parse(batch);
        if (!parsed.isEmpty()) {
            dsl.transaction(cfg -> {
                RunLocks.take(cfg.dsl(), parsed);
                parsed.forEach(write -> write.applyTo(cfg.dsl()));
            });
        }
        counted(parsed);
    }

    /** The records' writes; an unreadable record fails the batch before anything is written. */
    private List<RecordWrites.Write> parse(List<ConsumerRecord<String, byte[]>> batch) {
        List<RecordWrites.Write> parsed = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            RecordWrites.Write write = writes.of(record);
            if (write != null) {
                parsed.add(write);
            }
        }
        return parsed;
    }

    private void counted(List<RecordWrites.Write> parsed) {
        applied.addAndGet(parsed.size());
        FlowMeters counting = meters.get();
        parsed.stream().filter(write -> write.event() != null).forEach(write -> counting.materialized(write.event()));
    }

    static String place(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
