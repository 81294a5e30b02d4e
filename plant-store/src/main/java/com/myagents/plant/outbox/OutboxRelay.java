package com.myagents.plant.outbox;

import static com.myagents.plant.jooq.generated.Tables.OUTBOX;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;

import com.myagents.contracts.worker.Backoff;
import com.myagents.contracts.worker.WorkerThread;
import com.myagents.plant.jooq.generated.tables.records.OutboxRecord;
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
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DSLContext dsl;
    private final OutboxRelaySettings settings;
    private final OutboxNotifications notifications;
    private final RelayProducer producer;
    private final OutboxBacklog backlog;
    private final WorkerHealth health = new WorkerHealth();
    private final AtomicLong published = new AtomicLong();
    private final WorkerThread worker = new WorkerThread("outbox-relay", this::work);
    private Instant nextPurge = Instant.EPOCH;

    /**
     * @param producerConfig at least {@code bootstrap.servers}; acks, idempotence and serializers
     *                       are set here and cannot be weakened
     */
    public OutboxRelay(DSLContext dsl, ConnectionOpener listenConnections, Map<String, Object> producerConfig,
            OutboxRelaySettings settings) {
        this.dsl = dsl;
        this.settings = settings;
        this.notifications = new OutboxNotifications(listenConnections);
        this.producer = new RelayProducer(producerConfig, settings.sendTimeout());
        this.backlog = new OutboxBacklog(dsl);
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
        return backlog.pendingCount();
    }

    public long publishedCount() {
        return published.get();
    }

    /** How long the oldest unpublished row has waited (zero when none waits): what the relay is behind by. */
    public Duration oldestPendingAge() {
        return backlog.oldestPendingAge();
    }

    /** The producer's own metrics (kafka_producer_*) go to this registry from its next creation on. */
    public void bindMetricsTo(MeterRegistry meterRegistry) {
        producer.bindMetricsTo(meterRegistry);
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
        return health.report(worker.running(), details, age, maxLag);
    }

    private void work() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        while (worker.running()) {
            try {
                notifications.listen();
                drainAll();
                purgeIfDue();
                health.succeeded();
                backoff.reset();
                notifications.await(settings.sweepInterval(), this::isRunning);
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
                notifications.close();
                producer.close();
                if (!backoff.pause(this::isRunning)) {
                    break;
                }
            }
        }
        // stop() may have interrupted a wait for acks; the producer must still close cleanly
        Thread.interrupted();
        notifications.close();
        producer.close();
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
            producer.sendAll(rows);
            tx.update(OUTBOX)
                    .set(OUTBOX.PUBLISHED_AT, DSL.currentOffsetDateTime())
                    .where(OUTBOX.ID.in(rows.getValues(OUTBOX.ID)))
                    .execute();
            return rows.size();
        });
    }

    private void purgeIfDue() {
        Duration retain = settings.retainPublished();
        if (retain == null || retain.isZero() || Instant.now().isBefore(nextPurge)) {
            return;
        }
        int purged = backlog.purgePublishedBefore(retain);
        if (purged > 0) {
            log.info("purged {} outbox rows published more than {} ago", purged, retain);
        }
        nextPurge = Instant.now().plus(PURGE_EVERY);
    }
}
