package com.myagents.contracts;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import com.myagents.contracts.Topic.Cleanup;
import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalRunRequestBatch;
import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.market.MarkPrice;
import com.myagents.contracts.serde.JsonSerde;
import com.myagents.contracts.subscriptions.SubscriptionState;

/**
 * Every topic of the system, declared once. Keys are ids as UTF-8 strings; values are versioned
 * JSON events. A reader finds each topic's name, key, value type and cleanup here and nowhere else.
 */
public final class Topics {

    /** Partitions of every topic: room for six stream threads or instances per application. */
    public static final int PARTITIONS = 6;

    private static final Serde<String> ID = Serdes.String();
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration AUDIT_RETENTION = Duration.ofDays(400);
    private static final Duration ACCESS_RETENTION = Duration.ofDays(30);
    private static final Duration FOREVER = Duration.ofMillis(-1);

    public static final Topic<String, GoalChange> GOAL_CHANGES = new Topic<>(
            "myagents.goal-changes.v1", "goal_instance_id", ID,
            new JsonSerde<>(GoalChange.class, "goal-change", 1), PARTITIONS, Cleanup.COMPACT, FOREVER);

    public static final Topic<String, HiredAgentChange> HIRED_AGENTS = new Topic<>(
            "myagents.hired-agents.v1", "hired_instance_id", ID,
            new JsonSerde<>(HiredAgentChange.class, "hired-agent", 1), PARTITIONS, Cleanup.COMPACT, FOREVER);

    public static final Topic<String, GoalTrigger> GOAL_TRIGGERS = new Topic<>(
            "myagents.goal-triggers.v1", "goal_instance_id", ID,
            new JsonSerde<>(GoalTrigger.class, "goal-trigger", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    /** Metered goal runs asking enforcement before they generate anything. */
    public static final Topic<String, GoalRunRequest> GOAL_RUN_REQUESTS = new Topic<>(
            "myagents.goal-run-requests.v1", "subscription_id", ID,
            new JsonSerde<>(GoalRunRequest.class, "goal-run-request", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    /**
     * Metered goal runs of one subscription asking enforcement together ({@link GoalRunRequestBatch}):
     * what the goal runner writes since the batched fan-out. Enforcement still reads
     * {@link #GOAL_RUN_REQUESTS}, so requests written before the upgrade are answered.
     */
    public static final Topic<String, GoalRunRequestBatch> GOAL_RUN_REQUEST_BATCHES = new Topic<>(
            "myagents.goal-run-request-batches.v1", "subscription_id", ID,
            new JsonSerde<>(GoalRunRequestBatch.class, "goal-run-request-batch", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    /**
     * Enforcement's answers to goal run requests (denied ones are on the denials topic too), and the
     * goal runner's skips of runs it could not run (outcome {@code skip}, with the reason).
     */
    public static final Topic<String, GoalRunDecision> GOAL_RUN_DECISIONS = new Topic<>(
            "myagents.goal-run-decisions.v1", "goal_instance_id", ID,
            new JsonSerde<>(GoalRunDecision.class, "goal-run-decision", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    /** What an allowed goal run really cost (a model's tokens), settling the price enforcement charged. */
    public static final Topic<String, GoalRunSettlement> GOAL_RUN_SETTLEMENTS = new Topic<>(
            "myagents.goal-run-settlements.v1", "subscription_id", ID,
            new JsonSerde<>(GoalRunSettlement.class, "goal-run-settlement", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    public static final Topic<String, DeliverableDraft> DELIVERABLE_DRAFTS = new Topic<>(
            "myagents.deliverable-drafts.v1", "deliverable_id", ID,
            new JsonSerde<>(DeliverableDraft.class, "deliverable-draft", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    /**
     * Every review of a deliverable, keyed by its subscription so that enforcement meets it in the
     * task that decides the subscription's requests (v1 was keyed by deliverable and compacted).
     * Not compacted: one subscription has many deliverables. Enforcement keeps the latest approval of
     * each deliverable in its own store; the topic keeps every event long enough to rebuild it.
     */
    public static final Topic<String, ApprovalEvent> APPROVALS = new Topic<>(
            "myagents.approvals.v2", "subscription_id", ID,
            new JsonSerde<>(ApprovalEvent.class, "approval", 1), PARTITIONS, Cleanup.DELETE, AUDIT_RETENTION);

    /**
     * Retired: approvals keyed by deliverable. Nothing writes it any more; only the one-shot
     * migration to {@link #APPROVALS} reads it (enforcement-streams' {@code migrate-approvals}).
     * Not provisioned.
     */
    public static final Topic<String, ApprovalEvent> APPROVALS_V1 = new Topic<>(
            "myagents.approvals.v1", "deliverable_id", ID,
            new JsonSerde<>(ApprovalEvent.class, "approval", 1), PARTITIONS, Cleanup.COMPACT, FOREVER);

    public static final Topic<String, SubscriptionState> SUBSCRIPTIONS = new Topic<>(
            "myagents.subscriptions.v1", "subscription_id", ID,
            new JsonSerde<>(SubscriptionState.class, "subscription-state", 1), PARTITIONS, Cleanup.COMPACT, FOREVER);

    /** Keyed by subscription (v1: by deliverable), like the approvals: enforcement decides each in one step. */
    public static final Topic<String, ExecutionRequest> EXECUTION_REQUESTS = new Topic<>(
            "myagents.execution-requests.v2", "subscription_id", ID,
            new JsonSerde<>(ExecutionRequest.class, "execution-request", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    public static final Topic<String, ExecutionDecision> EXECUTION_DECISIONS = new Topic<>(
            "myagents.execution-decisions.v1", "correlation_id", ID,
            new JsonSerde<>(ExecutionDecision.class, "execution-decision", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    public static final Topic<String, ExecutionCommand> EXECUTION_COMMANDS = new Topic<>(
            "myagents.execution-commands.v1", "deliverable_id", ID,
            new JsonSerde<>(ExecutionCommand.class, "execution-command", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    public static final Topic<String, EnforcementDenial> ENFORCEMENT_DENIALS = new Topic<>(
            "myagents.enforcement-denials.v1", "subscription_id", ID,
            new JsonSerde<>(EnforcementDenial.class, "enforcement-denial", 1), PARTITIONS, Cleanup.DELETE,
            AUDIT_RETENTION);

    public static final Topic<String, ExecutionResult> EXECUTION_RESULTS = new Topic<>(
            "myagents.execution-results.v1", "deliverable_id", ID,
            new JsonSerde<>(ExecutionResult.class, "execution-result", 1), PARTITIONS, Cleanup.DELETE, WEEK);

    /** The latest mark price of each exchange product, published by the exchange connector; read by the trading planner. */
    public static final Topic<String, MarkPrice> MARK_PRICES = new Topic<>(
            "myagents.mark-prices.v1", "product_symbol", ID,
            new JsonSerde<>(MarkPrice.class, "mark-price", 1), PARTITIONS, Cleanup.COMPACT, FOREVER);

    /** HTTP access records of every hop; PP's correlation drill-down starts here. */
    public static final Topic<String, AccessRecord> ACCESS_RECORDS = new Topic<>(
            "myagents.access-records.v1", "correlation_id", ID,
            new JsonSerde<>(AccessRecord.class, "access-record", 1), PARTITIONS, Cleanup.DELETE, ACCESS_RETENTION);

    /**
     * The materializer's dead letters: a stream output the database refuses for good or that cannot
     * be read, each as it was (key and value bytes) with where it came from and why it failed in the
     * headers. plant-store writes and reads it (into {@code plant.dead_letters}, which PP shows).
     */
    public static final Topic<String, byte[]> PLANT_DEAD_LETTERS = new Topic<>(
            "myagents.plant-dead-letters.v1", "the original record's key", ID,
            Serdes.ByteArray(), PARTITIONS, Cleanup.DELETE, Duration.ofDays(30));

    private static final List<Topic<String, ?>> ALL = List.of(
            HIRED_AGENTS, GOAL_CHANGES, GOAL_TRIGGERS, GOAL_RUN_REQUESTS, GOAL_RUN_REQUEST_BATCHES, GOAL_RUN_DECISIONS, GOAL_RUN_SETTLEMENTS, DELIVERABLE_DRAFTS, APPROVALS, SUBSCRIPTIONS,
            EXECUTION_REQUESTS, EXECUTION_DECISIONS, EXECUTION_COMMANDS, ENFORCEMENT_DENIALS, EXECUTION_RESULTS,
            ACCESS_RECORDS, MARK_PRICES, PLANT_DEAD_LETTERS);

    private Topics() {
    }

    public static List<Topic<String, ?>> all() {
        return ALL;
    }

    /** The topic with this name; the outbox relay uses it to find the serde of a stored event. */
    public static Topic<String, ?> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such topic: " + name));
    }
}
