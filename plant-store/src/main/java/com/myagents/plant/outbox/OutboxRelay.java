package com.myagents.plant.outbox;

import static com.myagents.plant.jooq.generated.Tables.OUTBOX;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

import com.myagents.contracts.serde.JsonSerde;
import com.myagents.plant.jooq.generated.tables.records.OutboxRecord;
import com.myagents.contracts.worker.Backoff;
import com.myagents.contracts.worker.WorkerThread;
import com.myagents.plant.worker.WorkerHealth;

/**
 * Publishes committed outbox rows to Kafka, at least once, in id order. It listens on
 * {@value OutboxWriter#CHANNEL} over its own connection and also sweeps periodically, so a lost
 * notification only delays a row. Each batch is one transaction: lock the oldest unpublished rows,
 * send them with an idempotent producer, wait for every ack, stamp {@code published_at}, commit.
 * A crash between ack and commit re-sends the batch; consumers dedupe by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Header with the outbox row id, beside the serde's {@code schema} header. */
    public static final String OUTBOX_ID_HEADER = "outbox-id";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration POLL_SLICE = Duration.ofMillis(250);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DSLContext dsl;
    private final ConnectionOpener listenConnections;
    private final Map<String, Object> producerConfig;
    private final OutboxRelaySettings settings;
    private final WorkerHealth health = new WorkerHealth();
    private final AtomicLong published = new AtomicLong();

    private final WorkerThread worker = new WorkerThread("outbox-relay", this::work);
    private Connection listener;
    private Producer<String, byte[]> producer;
    private volatile MeterRegistry registry;
    private KafkaClientMetrics producerMetrics;
    private Instant nextPurge = Instant.EPOCH;

    /**
     * @param producerConfig at least {@code bootstrap.servers}; acks, idempotence and serializers
     *                       are set here and cannot be weakened
     */
    public OutboxRelay(DSLContext dsl, ConnectionOpener listenConnections, Map<String, Object> producerConfig,
            OutboxRelaySettings settings) {
        this.dsl = dsl;
        this.listenConnections = listenConnections;
        this.producerConfig = Map.copyOf(producerConfig);
        this.settings = settings;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop(Thread::interrupt, settings.sendTimeout().plusSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return worker.running();
    }

    /** Rows committed but not yet published: the relay's lag, for health and metrics. */
    public int pendingCount() {
        return dsl.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull());
    }

    public long publishedCount() {
        return published.get();
    }

    /** How long the oldest unpublished row has waited (zero when none waits): what the relay is behind by. */
    public Duration oldestPendingAge() {
        OffsetDateTime oldest = dsl.select(DSL.min(OUTBOX.CREATED_AT)).from(OUTBOX).where(OUTBOX.PUBLISHED_AT.isNull())
                .fetchOne(0, OffsetDateTime.class);
        return oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()).abs();
    }

    public Health health() {
        return health(null);
    }

    /** As {@link #health()}, and DOWN while the oldest unpublished row is older than {@code maxLag} (readiness). */
    public Health health(Duration maxLag) {
        Map<String, Object> details = new LinkedHashMap<>();
        Duration age = Duration.ZERO;
        try {
            details.put("pending", pendingCount());
            age = oldestPendingAge();
            details.put("oldest_pending_age_ms", age.toMillis());
        } catch (RuntimeException e) {
            details.put("pending", "unknown: " + e.getMessage());
        }
        details.put("published", published.get());
        Health report = health.report(worker.running(), details);
        if (maxLag != null && age.compareTo(maxLag) > 0) {
            return Health.down().withDetails(report.getDetails()).withDetail("behind", "by more than " + maxLag).build();
        }
        return report;
    }

    private void work() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        while (worker.running()) {
            try {
                listen();
                drainAll();
                purgeIfDue();
                health.succeeded();
                backoff.reset();
                awaitWork();
            } catch (Exception e) {
                if (!worker.running()) {
                    break;
                }
                health.failed(e);
                if (health.consecutiveFailures() == 1) {
                    log.warn("outbox relay round failed, retrying with backoff", e);
                } else {
                    log.warn("outbox relay round failed ({} in a row), retrying: {}", health.consecutiveFailures(), e.toString());
                }
                closeListener();
                closeProducer();
                if (!backoff.pause(this::isRunning)) {
                    break;
                }
            }
        }
        // stop() may have interrupted a wait for acks; the producer must still close cleanly
        Thread.interrupted();
        closeListener();
        closeProducer();
    }

    private void listen() throws SQLException {
        if (listener != null) {
            return;
        }
        listener = listenConnections.open();
        listener.setAutoCommit(true);
        try (Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + OutboxWriter.CHANNEL);
        }
    }

    /** Waits for a notification, or until the sweep is due, or until the relay stops. */
    private void awaitWork() throws SQLException {
        PGConnection pg = listener.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + settings.sweepInterval().toNanos();
        while (worker.running()) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                return;
            }
            // getNotifications(0) would block forever: always pass a positive timeout.
            PGNotification[] notifications = pg.getNotifications((int) Math.max(1, Math.min(POLL_SLICE.toMillis(), remainingMillis)));
            if (notifications != null && notifications.length > 0) {
                return;
            }
        }
    }

    private void drainAll() {
        int sent;
        do {
            sent = drainBatch();
            published.addAndGet(sent);
        } while (sent == settings.batchSize() && worker.running());
    }

    private int drainBatch() {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            // One relay drains a schema at a time, so two relay instances cannot interleave one key's events.
            tx.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER,
                    DSL.function("hashtext", SQLDataType.INTEGER, DSL.concat(DSL.currentSchema(), DSL.inline(".outbox")))))
                    .execute();
            Result<OutboxRecord> rows = tx.selectFrom(OUTBOX)
                    .where(OUTBOX.PUBLISHED_AT.isNull())
                    .orderBy(OUTBOX.ID)
                    .limit(settings.batchSize())
                    .forUpdate().skipLocked()
                    .fetch();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            tx.update(OUTBOX)
                    .set(OUTBOX.PUBLISHED_AT, DSL.currentOffsetDateTime())
                    .where(OUTBOX.ID.in(rows.getValues(OUTBOX.ID)))
                    .execute();
            return rows.size();
        });
    }

    private void send(List<OutboxRecord> rows) throws InterruptedException, ExecutionException, TimeoutException {
        Producer<String, byte[]> out = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRecord row : rows) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(JsonSerde.SCHEMA_HEADER, row.getSchema().getBytes(StandardCharsets.UTF_8));
            headers.add(OUTBOX_ID_HEADER, Long.toString(row.getId()).getBytes(StandardCharsets.UTF_8));
            acks.add(out.send(new ProducerRecord<>(row.getTopic(), null, row.getRecordKey(), row.getPayload(), headers)));
        }
        out.flush();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void purgeIfDue() {
        Duration retain = settings.retainPublished();
        if (retain == null || retain.isZero() || Instant.now().isBefore(nextPurge)) {
            return;
        }
        int purged = dsl.deleteFrom(OUTBOX)
                .where(OUTBOX.PUBLISHED_AT.lt(OffsetDateTime.now().minus(retain)))
                .execute();
        if (purged > 0) {
            log.info("purged {} outbox rows published more than {} ago", purged, retain);
        }
        nextPurge = Instant.now().plus(PURGE_EVERY);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "plant-outbox-relay");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.sendTimeout().toMillis());
            // the producer insists on delivery.timeout >= linger + request.timeout
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, settings.sendTimeout().toMillis() / 2));
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
            config.putAll(producerConfig);
            // Not negotiable: every row acknowledged by all in-sync replicas, no duplicates from retries, order kept.
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer = new KafkaProducer<>(config);
            MeterRegistry meters = registry;
            if (meters != null) {
                producerMetrics = new KafkaClientMetrics(producer);
                producerMetrics.bindTo(meters);
            }
        }
        return producer;
    }

    /** The producer's own metrics (kafka_producer_*) go to this registry from its next creation on. */
    public void bindMetricsTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
    }

    private void closeProducer() {
        if (producerMetrics != null) {
            producerMetrics.close();
            producerMetrics = null;
        }
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("closing the relay's producer failed", e);
            }
            producer = null;
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                log.debug("closing the relay's listen connection failed", e);
            }
            listener = null;
        }
    }
}
