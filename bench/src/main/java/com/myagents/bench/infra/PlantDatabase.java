package com.myagents.bench.infra;

import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.OUTBOX;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.CloseableDSLContext;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.impl.DSL;

import com.myagents.bench.stats.LatencySummary;
import com.myagents.bench.stats.Latencies;
import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.serde.EventJson;
import com.myagents.plant.outbox.OutboxWriter;
import com.myagents.plant.state.PlantStateEvents;
import com.myagents.plant.state.StateSnapshot;
import com.myagents.plant.status.TrialStatus;
import com.myagents.plant.status.DeliverableState;

/**
 * Plant's schema, as the benchmarks prepare it: seeded drafts (the rows goal runs would have
 * materialized), a trial converted to paid, and the state snapshot published through the outbox
 * exactly as plant-store publishes it at start. jOOQ over Plant's generated tables.
 */
public final class PlantDatabase implements AutoCloseable {

    /** The demo customer {@code demo@myagents.local}, its marketing subscription and hired agent. */
    public static final UUID DEMO_CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000c0001");
    public static final UUID DEMO_SUBSCRIPTION = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID DEMO_MARKETING_AGENT = UUID.fromString("00000000-0000-0000-0000-00000000b001");

    private final CloseableDSLContext dsl;

    private PlantDatabase(CloseableDSLContext dsl) {
        this.dsl = dsl;
    }

    public static PlantDatabase connect(String jdbcUrl, String user, String password) {
        String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=plant";
        return new PlantDatabase(DSL.using(url, user, password));
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** {@code count} drafts of the demo marketing agent waiting for review, each with its own payload. */
    public List<UUID> seedDrafts(int count, String label) {
        List<UUID> ids = new ArrayList<>(count);
        List<Query> batch = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            Map<String, Object> payload = Map.of("platform", "linkedin",
                    "text", "Flu season is here (" + label + " " + i + "). Book a 10-minute flu shot at our clinic this week: "
                            + "walk-ins welcome, Monday to Saturday. #FluShot #HealthyHabits");
            batch.add(dsl.insertInto(DELIVERABLES)
                    .set(DELIVERABLES.DELIVERABLE_ID, id)
                    .set(DELIVERABLES.GOAL_TEMPLATE_ID, "marketing.daily_education_micropost")
                    .set(DELIVERABLES.HIRED_INSTANCE_ID, DEMO_MARKETING_AGENT)
                    .set(DELIVERABLES.SUBSCRIPTION_ID, DEMO_SUBSCRIPTION)
                    .set(DELIVERABLES.CUSTOMER_ID, DEMO_CUSTOMER)
                    .set(DELIVERABLES.KIND, "social_post")
                    .set(DELIVERABLES.STATE, DeliverableState.PENDING_REVIEW)
                    .set(DELIVERABLES.PAYLOAD, JSONB.valueOf(PayloadHash.canonicalJson(payload)))
                    .set(DELIVERABLES.PROPOSED_ACTIONS, JSONB.valueOf("[\"publish\"]"))
                    .set(DELIVERABLES.PAYLOAD_HASH, PayloadHash.of(payload))
                    .set(DELIVERABLES.SUGGESTED_FOR, now.plusDays(1))
                    .set(DELIVERABLES.CREATED_AT, now)
                    .set(DELIVERABLES.UPDATED_AT, now));
            ids.add(id);
            if (batch.size() == 500) {
                dsl.batch(batch).execute();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            dsl.batch(batch).execute();
        }
        return ids;
    }

    /**
     * The demo marketing subscription as a paying one (its trial converted) and its agent configured
     * with {@code config}; then the state snapshot, through the outbox, so enforcement and the goal
     * runner see it as they would after a restart of plant-store.
     */
    public void makeDemoMarketingAgentPaidAndConfigured(Map<String, Object> config) {
        dsl.transaction(tx -> {
            DSL.using(tx).update(SUBSCRIPTIONS)
                    .set(SUBSCRIPTIONS.TRIAL_STATUS, TrialStatus.ENDED_CONVERTED)
                    .where(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(DEMO_SUBSCRIPTION))
                    .execute();
            DSL.using(tx).update(HIRED_AGENTS)
                    .set(HIRED_AGENTS.CONFIGURED, true)
                    .set(HIRED_AGENTS.CONFIG, JSONB.valueOf(EventJson.MAPPER.writeValueAsString(config)))
                    .where(HIRED_AGENTS.HIRED_INSTANCE_ID.eq(DEMO_MARKETING_AGENT))
                    .execute();
        });
        new StateSnapshot(dsl, new PlantStateEvents(new OutboxWriter())).publishAll();
    }

    /** Until the outbox relay has published every row. */
    public void awaitOutboxDrained(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int unpublished = dsl.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull());
            if (unpublished == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(unpublished + " outbox rows still unpublished after " + timeout);
            }
            sleep(200);
        }
    }

    /**
     * Where an execute call's time went inside Plant, from the rows themselves: the outbox relay
     * (request row committed → published to Kafka) and enforcement (request row → decided, as the
     * materialized decision says; its commit comes after).
     */
    public record StageDelays(LatencySummary relay, LatencySummary decision, long requestRowsWithoutDecidedAt) {
    }

    /**
     * The stage delays of the execution requests written since {@code since}, once each has its
     * materialized decision (or after a minute). The decision's own row is joined, not the request
     * row's {@code decided_at}: see {@link StageDelays#requestRowsWithoutDecidedAt()}.
     */
    public StageDelays stageDelays(OffsetDateTime since) {
        var decided = DSL.exists(DSL.selectOne().from(EXECUTION_DECISIONS)
                .where(EXECUTION_DECISIONS.CORRELATION_ID.eq(EXECUTION_REQUESTS.CORRELATION_ID)));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline
                && dsl.fetchCount(EXECUTION_REQUESTS, EXECUTION_REQUESTS.REQUESTED_AT.ge(since).andNot(decided)) > 0) {
            sleep(500);
        }
        Latencies relay = new Latencies();
        dsl.select(OUTBOX.CREATED_AT, OUTBOX.PUBLISHED_AT).from(OUTBOX)
                .where(OUTBOX.TOPIC.eq(Topics.EXECUTION_REQUESTS.name()))
                .and(OUTBOX.CREATED_AT.ge(since)).and(OUTBOX.PUBLISHED_AT.isNotNull())
                .forEach(row -> relay.record(Duration.between(row.value1(), row.value2()).toNanos()));
        Latencies decision = new Latencies();
        dsl.select(EXECUTION_REQUESTS.REQUESTED_AT, EXECUTION_DECISIONS.DECIDED_AT).from(EXECUTION_REQUESTS)
                .join(EXECUTION_DECISIONS).on(EXECUTION_DECISIONS.CORRELATION_ID.eq(EXECUTION_REQUESTS.CORRELATION_ID))
                .where(EXECUTION_REQUESTS.REQUESTED_AT.ge(since))
                .forEach(row -> decision.record(Duration.between(row.value1(), row.value2()).toNanos()));
        long undated = dsl.fetchCount(EXECUTION_REQUESTS, EXECUTION_REQUESTS.REQUESTED_AT.ge(since)
                .and(EXECUTION_REQUESTS.DECIDED_AT.isNull()).and(decided));
        return new StageDelays(relay.summary(), decision.summary(), undated);
    }

    /** Drafts of goal runs (not seeded ones) of the demo marketing agent in the table now. */
    public int goalRunDrafts() {
        return dsl.fetchCount(DELIVERABLES, DELIVERABLES.HIRED_INSTANCE_ID.eq(DEMO_MARKETING_AGENT)
                .and(DELIVERABLES.GOAL_INSTANCE_ID.isNotNull()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        dsl.close();
    }
}
