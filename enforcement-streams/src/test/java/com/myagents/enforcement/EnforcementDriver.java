package com.myagents.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalRunRequestBatch;
import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.topology.EnforcementTopology;
import com.myagents.enforcement.topology.EnforcementSettings;
import com.myagents.enforcement.app.EnforcementStreamsConfig;
import com.myagents.streams.StoreKind;
import com.myagents.testsupport.TopologyDriver;

/**
 * The enforcement topology under a {@link TopologyDriver}, with the application's own
 * configuration, in-memory stores and a wall clock the test moves.
 */
final class EnforcementDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    static final CommandSigner SIGNER = new CommandSigner(key());
    /** Long enough for a numbered approval to outlive every test's clock, a new month included. */
    static final Duration APPROVALS_VALID_FOR = Duration.ofDays(40);

    private final TopologyDriver driver;

    /** Requests are decided at once, as the rule tests expect (no wait for an approval still on its way). */
    EnforcementDriver() {
        this(Duration.ZERO);
    }

    EnforcementDriver(Duration approvalGrace) {
        driver = new TopologyDriver(
                () -> EnforcementTopology.build(new EnforcementSettings(SIGNER, StoreKind.IN_MEMORY,
                        Topics.EXECUTION_REQUESTS.retention(), Duration.ofHours(1), approvalGrace)),
                stateDir -> new EnforcementStreamsConfig("driver:9092", stateDir, Duration.ofMillis(20), (short) 1,
                        StoreKind.IN_MEMORY, null).properties(),
                START);
    }

    /** A connector's result, published as connectors do: keyed by deliverable. */
    void result(ExecutionResult result) {
        driver.input(Topics.EXECUTION_RESULTS).pipeInput(result.deliverableId(), result, now());
    }

    /** A run asking alone, on the per-run topic (as goal runners did before they asked in batches). */
    void askToRun(GoalRunRequest request) {
        driver.input(Topics.GOAL_RUN_REQUESTS).pipeInput(request.subscriptionId(), request, now());
    }

    /** Runs of one subscription asking together, as the goal runner sends them: keyed by subscription. */
    void askToRunTogether(GoalRunRequest... requests) {
        GoalRunRequestBatch batch = new GoalRunRequestBatch(requests[0].subscriptionId(), List.of(requests));
        driver.input(Topics.GOAL_RUN_REQUEST_BATCHES).pipeInput(batch.subscriptionId(), batch, now());
    }

    void instance(HiredAgentChange instance) {
        driver.input(Topics.HIRED_AGENTS).pipeInput(instance.hiredInstanceId(), instance, now());
    }

    void settleRun(GoalRunSettlement settlement) {
        driver.input(Topics.GOAL_RUN_SETTLEMENTS).pipeInput(settlement.subscriptionId(), settlement, now());
    }

    List<KeyValue<String, GoalRunDecision>> goalRunDecisions() {
        return driver.output(Topics.GOAL_RUN_DECISIONS).readKeyValuesToList();
    }

    /** A request, published as ingest-api's outbox does: keyed by subscription. */
    void send(ExecutionRequest request) {
        driver.input(Topics.EXECUTION_REQUESTS).pipeInput(request.subscriptionId(), request, now());
    }

    /** Requests deliverables {@code from} to {@code to} one after the other: "corr-i" for "deliverable-i" with "approval-i". */
    void sendNumbered(int from, int to, String action) {
        for (int i = from; i <= to; i++) {
            send(Scenario.request("corr-" + i, "deliverable-" + i, action, "approval-" + i));
        }
    }

    /** Approves deliverables 1 to {@code count} ("approval-i" for "deliverable-i"), valid beyond any test's clock. */
    void approveNumbered(int count) {
        for (int i = 1; i <= count; i++) {
            approve(Scenario.approval("approval-" + i, "deliverable-" + i, ApprovalEvent.Verdict.APPROVED,
                    START.plus(APPROVALS_VALID_FOR)));
        }
    }

    void sendRaw(String key, String json) {
        driver.rawInput(Topics.EXECUTION_REQUESTS).pipeInput(key, json, now());
    }

    /** An approval, published as ingest-api's outbox does: keyed by subscription. */
    void approve(ApprovalEvent approval) {
        driver.input(Topics.APPROVALS).pipeInput(approval.subscriptionId(), approval, now());
    }

    void subscription(SubscriptionState state) {
        driver.input(Topics.SUBSCRIPTIONS).pipeInput(state.subscriptionId(), state, now());
    }

    Instant now() {
        return driver.now();
    }

    List<KeyValue<String, ExecutionDecision>> decisions() {
        return driver.output(Topics.EXECUTION_DECISIONS).readKeyValuesToList();
    }

    /** The reasons of the decisions made since last read, in order. */
    List<ReasonCode> reasons() {
        return decisions().stream().map(d -> d.value.reason()).toList();
    }

    List<KeyValue<String, EnforcementDenial>> denials() {
        return driver.output(Topics.ENFORCEMENT_DENIALS).readKeyValuesToList();
    }

    List<KeyValue<String, ExecutionCommand>> commands() {
        return driver.output(Topics.EXECUTION_COMMANDS).readKeyValuesToList();
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.store(name);
    }

    /** Moves the wall clock and the time records are stamped with together, as in production. */
    void advance(Duration duration) {
        driver.advance(duration);
    }

    @Override
    public void close() {
        driver.close();
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return key;
    }
}
