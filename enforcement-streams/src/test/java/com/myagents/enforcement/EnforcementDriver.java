package com.myagents.enforcement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.topology.EnforcementTopology;
import com.myagents.enforcement.topology.EnforcementSettings;
import com.myagents.enforcement.app.EnforcementStreamsConfig;
import com.myagents.streams.StoreKind;

/**
 * The enforcement topology under {@link TopologyTestDriver}, with the application's own
 * configuration, in-memory stores and a wall clock the test moves.
 */
final class EnforcementDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    static final CommandSigner SIGNER = new CommandSigner(key());

    private final Path stateDir;
    private long elapsed;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ExecutionRequest> requests;
    private final TestInputTopic<String, String> rawRequests;
    private final TestInputTopic<String, ApprovalEvent> approvals;
    private final TestInputTopic<String, SubscriptionState> subscriptions;
    private final TestOutputTopic<String, ExecutionDecision> decisions;
    private final TestOutputTopic<String, EnforcementDenial> denials;
    private final TestOutputTopic<String, ExecutionCommand> commands;
    private final TestInputTopic<String, ExecutionResult> results;
    private final TestInputTopic<String, GoalRunRequest> goalRunRequests;
    private final TestInputTopic<String, com.myagents.contracts.goals.GoalRunSettlement> goalRunSettlements;
    private final TestInputTopic<String, HiredAgentChange> instances;
    private final TestOutputTopic<String, GoalRunDecision> goalRunDecisions;

    /** Requests are decided at once, as the rule tests expect (no wait for an approval still on its way). */
    EnforcementDriver() {
        this(Duration.ZERO);
    }

    EnforcementDriver(Duration approvalGrace) {
        try {
            stateDir = Files.createTempDirectory("enforcement-driver-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EnforcementStreamsConfig config = new EnforcementStreamsConfig("driver:9092", stateDir, Duration.ofMillis(20),
                (short) 1, StoreKind.IN_MEMORY, null);
        driver = new TopologyTestDriver(EnforcementTopology.build(new EnforcementSettings(SIGNER, StoreKind.IN_MEMORY,
                Topics.EXECUTION_REQUESTS.retention(), Duration.ofHours(1), approvalGrace)),
                config.properties(), START);
        requests = input(Topics.EXECUTION_REQUESTS);
        rawRequests = driver.createInputTopic(Topics.EXECUTION_REQUESTS.name(), new StringSerializer(), new StringSerializer());
        approvals = input(Topics.APPROVALS);
        subscriptions = input(Topics.SUBSCRIPTIONS);
        decisions = output(Topics.EXECUTION_DECISIONS);
        denials = output(Topics.ENFORCEMENT_DENIALS);
        commands = output(Topics.EXECUTION_COMMANDS);
        results = input(Topics.EXECUTION_RESULTS);
        goalRunRequests = input(Topics.GOAL_RUN_REQUESTS);
        goalRunSettlements = input(Topics.GOAL_RUN_SETTLEMENTS);
        instances = input(Topics.HIRED_AGENTS);
        goalRunDecisions = output(Topics.GOAL_RUN_DECISIONS);
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

    void settleRun(com.myagents.contracts.goals.GoalRunSettlement settlement) {
        goalRunSettlements.pipeInput(settlement.subscriptionId(), settlement, now());
    }

    List<KeyValue<String, GoalRunDecision>> goalRunDecisions() {
        return goalRunDecisions.readKeyValuesToList();
    }

    void send(ExecutionRequest request) {
        requests.pipeInput(request.deliverableId(), request, now());
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
        return START.plusMillis(elapsed);
    }

    List<KeyValue<String, ExecutionDecision>> decisions() {
        return decisions.readKeyValuesToList();
    }

    List<KeyValue<String, EnforcementDenial>> denials() {
        return denials.readKeyValuesToList();
    }

    List<KeyValue<String, ExecutionCommand>> commands() {
        return commands.readKeyValuesToList();
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** Moves the wall clock and the time records are stamped with together, as in production. */
    void advance(Duration duration) {
        elapsed += duration.toMillis();
        driver.advanceWallClockTime(duration);
    }

    @Override
    public void close() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return key;
    }
}
