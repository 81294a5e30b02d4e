package com.myagents.goals.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalRunRequestBatch;
import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.market.MarkPrice;
import com.myagents.goals.app.GoalRunnerStreamsConfig;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.marketing.TemplateContentGenerator;
import com.myagents.goals.trading.TradingPlanner;
import com.myagents.testsupport.TopologyDriver;

/**
 * The goal-runner topology under a {@link TopologyDriver}: the application's own configuration,
 * in-memory stores, a 1 s punctuation and a wall clock the test moves. {@link #restart} closes the
 * driver and opens a new one whose stores are restored from what the old one wrote to their
 * changelog topics, as a restarted instance would restore them.
 */
public final class GoalRunnerDriver implements AutoCloseable {

    static final Duration PUNCTUATION = Duration.ofSeconds(1);

    private static final Map<String, Serde<?>> STORE_SERDES = Map.of(
            GoalRunnerStores.GOAL_SCHEDULES, InternalSerdes.SCHEDULED_GOAL,
            GoalRunnerStores.DUE_INDEX, Serdes.String(),
            GoalRunnerStores.DRAFTED_RUNS, Serdes.Long(),
            GoalRunnerStores.RECENT_ATTEMPTS, InternalSerdes.RECENT_ATTEMPTS,
            GoalRunnerStores.METERING_ASKS, Topics.GOAL_RUN_REQUESTS.valueSerde());

    private final List<HiredAgentChange> agentsSeen = new ArrayList<>();
    /** Every changelog record written so far, per store, across restarts. */
    private final Map<String, List<TestRecord<String, byte[]>>> changelogs = new LinkedHashMap<>();
    private final TopologyDriver driver;
    private final com.myagents.goals.marketing.ContentGenerator generator;
    /** Whether metered runs are allowed as soon as they ask, as enforcement would with room left. */
    private boolean allowMeteredRuns = true;
    private final List<GoalRunRequest> unanswered = new ArrayList<>();

    public GoalRunnerDriver(Instant start) {
        this(start, new TemplateContentGenerator());
    }

    /**
     * A driver whose marketing posts are written by {@code generator}. Each metered run asks at
     * once (a batch of one), so a test sees its request right after the trigger.
     */
    public GoalRunnerDriver(Instant start, com.myagents.goals.marketing.ContentGenerator generator) {
        this(start, generator, 1);
    }

    /**
     * A driver whose metered runs ask in batches of up to {@code askBatch}, as in production: fewer
     * wait until the wall clock moves {@link TopologySettings#ASK_INTERVAL} on.
     */
    public GoalRunnerDriver(Instant start, com.myagents.goals.marketing.ContentGenerator generator, int askBatch) {
        this.generator = generator;
        driver = new TopologyDriver(
                () -> GoalRunnerTopology.build(TopologySettings.inMemory(PUNCTUATION).askingInBatchesOf(askBatch),
                        new MarketingPlanner(generator), new TradingPlanner()),
                stateDir -> GoalRunnerStreamsConfig.properties(GoalRunnerStreamsConfig.APPLICATION_ID, "driver:9092",
                        stateDir, Duration.ofMillis(20), 1),
                start);
    }

    /** From now on, metered runs wait for {@link #answer} instead of being allowed at once. */
    public void holdMeteredRuns() {
        allowMeteredRuns = false;
    }

    /** The metered runs that asked enforcement and have no answer yet (only while runs are held). */
    public List<GoalRunRequest> runRequests() {
        unanswered.addAll(asked());
        List<GoalRunRequest> asked = List.copyOf(unanswered);
        unanswered.clear();
        return asked;
    }

    /** What metered runs reported they really cost, keyed by subscription. */
    public List<KeyValue<String, com.myagents.contracts.goals.GoalRunSettlement>> settlements() {
        return driver.output(Topics.GOAL_RUN_SETTLEMENTS).readKeyValuesToList();
    }

    /** Enforcement's answer to a metered run, as it publishes it: keyed by goal. */
    public void answer(GoalRunRequest request, boolean allowed) {
        driver.input(Topics.GOAL_RUN_DECISIONS).pipeInput(request.trigger().goalInstanceId(), new GoalRunDecision("decision-" + request.runId(),
                request.trigger(), allowed ? Outcome.ALLOW : Outcome.DENY,
                allowed ? ReasonCode.ALLOWED : ReasonCode.TRIAL_CAP_EXCEEDED, allowed ? "every check passed" : "cap reached",
                allowed ? 50 : 0, List.of(), Map.of(), "test", now()), now());
    }

    /** Allows every metered run that asked, until none asks any more. */
    private void allowAsked() {
        if (!allowMeteredRuns) {
            return;
        }
        List<GoalRunRequest> asked = asked();
        while (!asked.isEmpty()) {
            asked.forEach(request -> answer(request, true));
            asked = asked();
        }
    }

    /** The batches metered runs sent to enforcement since the last look, keyed by subscription. */
    public List<KeyValue<String, GoalRunRequestBatch>> requestBatches() {
        return driver.output(Topics.GOAL_RUN_REQUEST_BATCHES).readKeyValuesToList();
    }

    private List<GoalRunRequest> asked() {
        return requestBatches().stream().flatMap(batch -> batch.value.requests().stream()).toList();
    }

    public Instant now() {
        return driver.now();
    }

    public void agent(HiredAgentChange agent) {
        agentsSeen.add(agent);
        driver.input(Topics.HIRED_AGENTS).pipeInput(agent.hiredInstanceId(), agent, now());
        allowAsked();
    }

    /** A mark price as the exchange connector publishes it. */
    public void markPrice(MarkPrice price) {
        driver.input(Topics.MARK_PRICES).pipeInput(price.productSymbol(), price, now());
    }

    public void goal(GoalChange goal) {
        driver.input(Topics.GOAL_CHANGES).pipeInput(goal.goalInstanceId(), goal, now());
        allowAsked();
    }

    public void deleteGoal(String goalId) {
        driver.input(Topics.GOAL_CHANGES).pipeInput(goalId, null, now());
    }

    /** A trigger written by someone else, e.g. ingest-api's on-demand run. */
    public void trigger(GoalTrigger trigger) {
        driver.input(Topics.GOAL_TRIGGERS).pipeInput(trigger.goalInstanceId(), trigger, now());
        allowAsked();
    }

    public void decision(ExecutionDecision decision) {
        driver.input(Topics.EXECUTION_DECISIONS).pipeInput(decision.correlationId(), decision, now());
        allowAsked();
    }

    /** Moves the wall clock, in steps no larger than the punctuation interval unless told otherwise. */
    public void advance(Duration duration) {
        driver.advance(duration);
        allowAsked();
    }

    /** Moves the wall clock in one jump: one punctuation, however much time passed. */
    public void jump(Duration duration) {
        advance(duration);
    }

    /** Moves the wall clock in ticks of {@code step}: one punctuation per tick. */
    public void tick(Duration total, Duration step) {
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
            advance(step);
        }
    }

    public List<GoalTrigger> triggers() {
        return driver.output(Topics.GOAL_TRIGGERS).readValuesToList();
    }

    public List<KeyValue<String, DeliverableDraft>> drafts() {
        return driver.output(Topics.DELIVERABLE_DRAFTS).readKeyValuesToList();
    }

    /** The runs this runner recorded as skipped (its own records on the goal-run decisions topic), with their keys. */
    public List<KeyValue<String, GoalRunDecision>> skips() {
        return driver.output(Topics.GOAL_RUN_DECISIONS).readKeyValuesToList().stream().filter(kv -> kv.value.skipped()).toList();
    }

    public <V> KeyValueStore<String, V> store(String name) {
        return driver.store(name);
    }

    /**
     * Stops for {@code downtime} and starts again on the same state: the stores are restored from
     * their changelogs, the global hired-agents store from its (compacted) topic.
     */
    public void restart(Duration downtime) {
        collectChangelogs();
        driver.restart(downtime);
        for (HiredAgentChange agent : agentsSeen) {
            driver.input(Topics.HIRED_AGENTS).pipeInput(agent.hiredInstanceId(), agent, now());
        }
        restoreStores();
    }

    private void collectChangelogs() {
        for (String store : STORE_SERDES.keySet()) {
            changelogs.computeIfAbsent(store, s -> new ArrayList<>()).addAll(changelog(store).readRecordsToList());
        }
    }

    private TestOutputTopic<String, byte[]> changelog(String store) {
        String topic = GoalRunnerStreamsConfig.APPLICATION_ID + "-" + store + "-changelog";
        return driver.rawOutput(topic);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void restoreStores() {
        changelogs.forEach((name, records) -> {
            KeyValueStore store = driver.store(name);
            Serde serde = STORE_SERDES.get(name);
            for (TestRecord<String, byte[]> record : records) {
                if (record.value() == null) {
                    store.delete(record.key());
                } else {
                    store.put(record.key(), serde.deserializer().deserialize("restore", record.value()));
                }
            }
        });
        // what the restore itself wrote is history already kept
        STORE_SERDES.keySet().forEach(store -> changelog(store).readRecordsToList());
    }

    @Override
    public void close() {
        driver.close();
    }
}
