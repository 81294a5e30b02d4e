package com.myagents.enforcement.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.contracts.goals.GoalRunRequestBatch;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.serde.JsonSerde;
import com.myagents.enforcement.policy.BudgetLedger;
import com.myagents.enforcement.policy.UsedApproval;
import com.myagents.enforcement.stages.ApprovalRecorder;
import com.myagents.enforcement.stages.AwaitedApproval;
import com.myagents.enforcement.stages.Decided;
import com.myagents.enforcement.stages.DecisionStage;
import com.myagents.enforcement.stages.EnforcementStores;
import com.myagents.enforcement.stages.GoalRunMeter;
import com.myagents.enforcement.stages.GoalRunSettler;
import com.myagents.enforcement.stages.ReservationSettler;
import com.myagents.streams.StoreKind;

/**
 * Execution requests in, exactly one decision per correlation id out, in one step by subscription:
 * requests and approvals are keyed by subscription_id where they are produced (the outbox), so a
 * request meets the approvals of its deliverable (a store keyed by deliverable, in its subscription's
 * task), the approvals already used, its subscription (a table) and its ledger in one task, and the
 * {@link DecisionStage} decides it with one commit — no repartition between request and decision.
 * Checked in order: once per correlation id, well-formed, known action, matching approved unexpired
 * approval, unchanged payload; approval not used yet, subscription active, trial open, action
 * allowed in trial, trading risk checks against the instance's current configuration (a global
 * table), price reserved within the trial caps or the paid budget.
 * Every decision goes to the decisions topic (by correlation_id); a denial also to the denials
 * topic (by subscription_id), an allow to the commands topic (by deliverable_id), signed.
 * <p>
 * The subscription's ledger is shared, in the same task, by two more inputs: goal run requests
 * (keyed by subscription_id; batches of a subscription's runs, or older single requests) are metered
 * and answered, one decision per run, on the goal-run-decisions topic, and
 * connector results (repartitioned by subscription_id) settle the reservations of allowed actions.
 */
public final class EnforcementTopology {

    public static final String RESULTS_BY_SUBSCRIPTION = "results-by-subscription";

    private EnforcementTopology() {
    }

    public static Topology build(EnforcementSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, settings);
        return builder.build();
    }

    public static void build(StreamsBuilder builder, EnforcementSettings settings) {
        addStores(builder, settings.stores());
        recordApprovals(builder);
        decideRequests(builder, settings);
        meterGoalRuns(builder, settings);
        settleReservations(builder);
    }

    private static void addStores(StreamsBuilder builder, StoreKind stores) {
        table(builder, Topics.SUBSCRIPTIONS, stores, EnforcementStores.SUBSCRIPTIONS);
        builder.addStateStore(stores.stringKeyed(EnforcementStores.APPROVALS, Topics.APPROVALS.valueSerde()));
        builder.addStateStore(stores.stringKeyed(EnforcementStores.DECIDED, Serdes.Long()));
        builder.addStateStore(stores.stringKeyed(EnforcementStores.AWAITING_APPROVAL, AwaitedApproval.SERDE));
        builder.addStateStore(stores.stringKeyed(EnforcementStores.USED_APPROVALS,
                new JsonSerde<>(UsedApproval.class, "enforcement-used-approval", 1)));
        builder.addStateStore(stores.stringKeyed(EnforcementStores.BUDGET_LEDGER,
                new JsonSerde<>(BudgetLedger.class, "enforcement-budget-ledger", 1)));
        builder.addStateStore(stores.stringKeyed(EnforcementStores.METERED_RUNS, Topics.GOAL_RUN_DECISIONS.valueSerde()));
        builder.globalTable(Topics.HIRED_AGENTS.name(),
                Topics.HIRED_AGENTS.consumed().withName(EnforcementStores.INSTANCES + "-source"),
                Materialized.<String, HiredAgentChange>as(stores.table(EnforcementStores.INSTANCES))
                        .withKeySerde(Topics.HIRED_AGENTS.keySerde())
                        .withValueSerde(Topics.HIRED_AGENTS.valueSerde()));
    }

    /** Approvals come keyed by subscription; each is filed under its deliverable in that subscription's task. */
    private static void recordApprovals(StreamsBuilder builder) {
        builder.stream(Topics.APPROVALS.name(), Topics.APPROVALS.consumed().withName("approvals"))
                .process(ApprovalRecorder::new, Named.as("approval-recorder"), EnforcementStores.APPROVALS);
    }

    /** One processor, one commit: every check of a request, and its reservation, in the task of its subscription. */
    private static void decideRequests(StreamsBuilder builder, EnforcementSettings settings) {
        KStream<String, Decided> decided = builder
                .stream(Topics.EXECUTION_REQUESTS.name(), Topics.EXECUTION_REQUESTS.consumed().withName("execution-requests"))
                .process(() -> new DecisionStage(settings.stageMemory(), settings.approvalGrace()),
                        Named.as("decision-stage"), EnforcementStores.DECIDED, EnforcementStores.APPROVALS,
                        EnforcementStores.AWAITING_APPROVAL, EnforcementStores.USED_APPROVALS,
                        EnforcementStores.SUBSCRIPTIONS, EnforcementStores.BUDGET_LEDGER);
        publish(decided, settings.signer(), "decision-stage");
    }

    private static void meterGoalRuns(StreamsBuilder builder, EnforcementSettings settings) {
        // per-run requests (written before the batched fan-out) are batches of one
        KStream<String, GoalRunRequestBatch> single = builder
                .stream(Topics.GOAL_RUN_REQUESTS.name(), Topics.GOAL_RUN_REQUESTS.consumed().withName("goal-run-requests"))
                .mapValues(request -> request == null ? null : GoalRunRequestBatch.of(request), Named.as("goal-run-request-as-batch"));
        KStream<String, GoalRunMeter.Metered> metered = builder
                .stream(Topics.GOAL_RUN_REQUEST_BATCHES.name(),
                        Topics.GOAL_RUN_REQUEST_BATCHES.consumed().withName("goal-run-request-batches"))
                .merge(single, Named.as("goal-run-asks"))
                .process(() -> new GoalRunMeter(settings.stageMemory()),
                        Named.as("goal-run-meter"), EnforcementStores.METERED_RUNS, EnforcementStores.BUDGET_LEDGER,
                        EnforcementStores.SUBSCRIPTIONS);
        metered.map((key, m) -> KeyValue.pair(m.decision().trigger().goalInstanceId(), m.decision()),
                        Named.as("goal-run-decision"))
                .to(Topics.GOAL_RUN_DECISIONS.name(), Topics.GOAL_RUN_DECISIONS.produced().withName("goal-run-decisions"));
        builder.stream(Topics.GOAL_RUN_SETTLEMENTS.name(),
                        Topics.GOAL_RUN_SETTLEMENTS.consumed().withName("goal-run-settlements"))
                .process(GoalRunSettler::new, Named.as("goal-run-settler"), EnforcementStores.METERED_RUNS,
                        EnforcementStores.BUDGET_LEDGER);
        // a repeated request gets the decision again, but the auditors' record of a denial is written once
        metered.filter((key, m) -> m.first() && !m.decision().allowed(), Named.as("goal-run-first-denials"))
                .map((key, m) -> KeyValue.pair(m.decision().trigger().subscriptionId(), m.denial()), Named.as("goal-run-denial"))
                .to(Topics.ENFORCEMENT_DENIALS.name(), Topics.ENFORCEMENT_DENIALS.produced().withName("goal-run-denials"));
    }

    private static void settleReservations(StreamsBuilder builder) {
        builder.stream(Topics.EXECUTION_RESULTS.name(), Topics.EXECUTION_RESULTS.consumed().withName("execution-results"))
                .filter((key, result) -> result != null && result.subscriptionId() != null, Named.as("results-with-subscription"))
                .selectKey((key, result) -> result.subscriptionId(), Named.as("results-by-subscription-key"))
                .repartition(Repartitioned.<String, ExecutionResult>as(RESULTS_BY_SUBSCRIPTION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Topics.EXECUTION_RESULTS.valueSerde())
                        .withNumberOfPartitions(Topics.SUBSCRIPTIONS.partitions()))
                .process(ReservationSettler::new, Named.as("reservation-settler"), EnforcementStores.BUDGET_LEDGER);
    }

    private static void publish(KStream<String, Decided> decided, CommandSigner signer, String stage) {
        decided.map((key, d) -> KeyValue.pair(d.decision().correlationId(), d.decision()), Named.as(stage + "-decision"))
                .to(Topics.EXECUTION_DECISIONS.name(), Topics.EXECUTION_DECISIONS.produced().withName(stage + "-decisions"));
        decided.split(Named.as(stage + "-outcome-"))
                .branch((key, d) -> d.decision().allowed(), Branched.withConsumer(allowed -> allowed
                        .map((key, d) -> KeyValue.pair(d.request().deliverableId(), signer.sign(d.command())),
                                Named.as(stage + "-command"))
                        .to(Topics.EXECUTION_COMMANDS.name(), Topics.EXECUTION_COMMANDS.produced().withName(stage + "-commands")),
                        "allowed"))
                .defaultBranch(Branched.withConsumer(denied -> denied
                        .map((key, d) -> KeyValue.pair(d.decision().subscriptionId(), d.denial()), Named.as(stage + "-denial"))
                        .to(Topics.ENFORCEMENT_DENIALS.name(), Topics.ENFORCEMENT_DENIALS.produced().withName(stage + "-denials")),
                        "denied"));
    }

    private static <V> void table(StreamsBuilder builder, Topic<String, V> topic, StoreKind stores, String storeName) {
        builder.table(topic.name(), topic.consumed().withName(storeName + "-source"),
                Materialized.<String, V>as(stores.table(storeName))
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }
}
