package com.myagents.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
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

    private final TopologyDriver driver;
    private final TestInputTopic<String, ExecutionRequest> requests;
    private final TestInputTopic<String, String> rawRequests;
    private final TestInputTopic<String, ApprovalEvent> approvals;
    private final TestInputTopic<String, SubscriptionState> subscriptions;
    private final TestOutputTopic<String, ExecutionDecision> decisions;
    private final TestOutputTopic<String, EnforcementDenial> denials;
    private final TestOutputTopic<String, ExecutionCommand> commands;
    private final TestInputTopic<String, ExecutionResult> results;
    private final TestInputTopic<String, GoalRunRequest> goalRunRequests;
    private final TestInputTopic<String, GoalRunSettlement> goalRunSettlements;
    private final TestInputTopic<String, HiredAgentChange> instances;
    private final TestOutputTopic<String, GoalRunDecision> goalRunDecisions;

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
        requests = driver.input(Topics.EXECUTION_REQUESTS);
        rawRequests = driver.rawInput(Topics.EXECUTION_REQUESTS);
        approvals = driver.input(Topics.APPROVALS);
        subscriptions = driver.input(Topics.SUBSCRIPTIONS);
        decisions = driver.output(Topics.EXECUTION_DECISIONS);
        denials = driver.output(Topics.ENFORCEMENT_DENIALS);
        commands = driver.output(Topics.EXECUTION_COMMANDS);
        results = driver.input(Topics.EXECUTION_RESULTS);
        goalRunRequests = driver.input(Topics.GOAL_RUN_REQUESTS);
        goalRunSettlements = driver.input(Topics.GOAL_RUN_SETTLEMENTS);
        instances = driver.input(Topics.HIRED_AGENTS);
        goalRunDecisions = driver.output(Topics.GOAL_RUN_DECISIONS);
    }

    /** A connector's result, published as connectors do: keyed by deliverable. */
    void result(ExecutionResult result) {
        results.pipeInput(result.deliverableId(), result, now());
    }

    void askToRun(GoalRunRequest request) {
        goalRunRequests.pipeInput(request.subscriptionId(), request, now());
    }

    void instance(HiredAgentChange instance) {
        instances.pipeInput(instance.hiredInstanceId(), instance, now());
    }

    void settleRun(GoalRunSettlement settlement) {
        goalRunSettlements.pipeInput(settlement.subscriptionId(), settlement, now());
    }

    List<KeyValue<String, GoalRunDecision>> goalRunDecisions() {
        return goalRunDecisions.readKeyValuesToList();
    }

    void send(ExecutionRequest request) {
        requests.pipeInput(request.deliverableId(), request, now());
    }

    /** Requests deliverables {@code from} to {@code to} one after the other: "corr-i" for "deliverable-i" with "approval-i". */
    void sendNumbered(int from, int to, String action) {
        for (int i = from; i <= to; i++) {
            send(Scenario.request("corr-" + i, "deliverable-" + i, action, "approval-" + i));
        }
    }

    /** Approves deliverables 1 to {@code count} ("approval-i" for "deliverable-i"), for {@code validFor} from the start. */
    void approveNumbered(int count, Duration validFor) {
        for (int i = 1; i <= count; i++) {
            approve(Scenario.approval("approval-" + i, "deliverable-" + i, ApprovalEvent.Verdict.APPROVED,
                    START.plus(validFor)));
        }
    }

    void sendRaw(String key, String json) {
        rawRequests.pipeInput(key, json, now());
    }

    void approve(ApprovalEvent approval) {
        approvals.pipeInput(approval.deliverableId(), approval, now());
    }

    void subscription(SubscriptionState state) {
        subscriptions.pipeInput(state.subscriptionId(), state, now());
    }

    Instant now() {
        return driver.now();
    }

    List<KeyValue<String, ExecutionDecision>> decisions() {
        return decisions.readKeyValuesToList();
    }

    /** The reasons of the decisions made since last read, in order. */
    List<ReasonCode> reasons() {
        return decisions().stream().map(d -> d.value.reason()).toList();
    }

    List<KeyValue<String, EnforcementDenial>> denials() {
        return denials.readKeyValuesToList();
    }

    List<KeyValue<String, ExecutionCommand>> commands() {
        return commands.readKeyValuesToList();
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
