package com.myagents.goals.topology;

import static com.myagents.goals.topology.GoalRunnerStores.DRAFTED_RUNS;
import static com.myagents.goals.topology.GoalRunnerStores.DUE_INDEX;
import static com.myagents.goals.topology.GoalRunnerStores.GOAL_SCHEDULES;
import static com.myagents.goals.topology.GoalRunnerStores.HIRED_AGENTS;
import static com.myagents.goals.topology.GoalRunnerStores.MARK_PRICES;
import static com.myagents.goals.topology.GoalRunnerStores.METERING_ASKS;
import static com.myagents.goals.topology.GoalRunnerStores.RECENT_ATTEMPTS;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.Action;
import com.myagents.goals.drafts.RunDrafter;
import com.myagents.goals.drafts.RunInput;
import com.myagents.goals.drafts.RunOutput;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.schedule.GoalScheduler;
import com.myagents.goals.trading.Attempt;
import com.myagents.goals.trading.GuardrailInput;
import com.myagents.goals.trading.GuardrailReporter;
import com.myagents.goals.trading.TradingPlanner;
import com.myagents.streams.StoreKind;

/**
 * The goal-runner topology, built from the topic registry and nothing else:
 * <pre>
 * hired-agents ──► global store "hired-agents" (read by the scheduler and the drafter)
 * mark-prices ───► global store "mark-prices" (the drafter prices market orders with it)
 * goal-changes ──► GoalScheduler [goal-schedules, goal-due-index] ──(wall clock)──► goal-triggers
 * goal-triggers ──────┬► RunDrafter [goal-schedules, drafted-runs] ──► deliverable-drafts
 * goal-run-decisions ─┘        ├── metered run: ask first [metering-asks] ──► goal-run-request-batches (enforcement answers)
 *                              ├── cannot run: skipped, with the reason ──► goal-run-decisions
 *                              ├── metered run drafted: its real cost ──► goal-run-settlements
 *                              └── guardrail report due ─┐
 * execution-decisions ── by subscription_id ─────┴► GuardrailReporter [recent-attempts] ──► deliverable-drafts
 * </pre>
 * Goal changes, triggers and goal-run decisions share key and partition count, so one task owns a
 * goal's schedule and its runs. Pure: no I/O, no configuration beyond {@link TopologySettings}; the driver tests build it.
 * Store names are in {@link GoalRunnerStores}.
 */
public final class GoalRunnerTopology {

    public static final String GUARDRAIL_REPARTITION = "guardrail-inputs-by-subscription";
    private static final Set<Action> REPORTED_ACTIONS = EnumSet.of(Action.PLACE_ORDER, Action.CLOSE_POSITION);

    private GoalRunnerTopology() {
    }

    public static Topology build(TopologySettings settings, MarketingPlanner marketing, TradingPlanner trading) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, settings.stores());
        scheduleGoals(builder, settings);
        draftRuns(builder, settings, marketing, trading);
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, StoreKind stores) {
        globalStore(builder, Topics.HIRED_AGENTS, stores, HIRED_AGENTS);
        globalStore(builder, Topics.MARK_PRICES, stores, MARK_PRICES);
        builder.addStateStore(stores.stringKeyed(GOAL_SCHEDULES, InternalSerdes.SCHEDULED_GOAL));
        builder.addStateStore(stores.stringKeyed(DUE_INDEX, Serdes.String()));
        builder.addStateStore(stores.stringKeyed(DRAFTED_RUNS, Serdes.Long()));
        // in memory whatever the store kind (backed by its changelog): a queue of puts and deletes would
        // leave RocksDB a trail of tombstones that every scan of the waiting runs walks again; cached: a
        // run asked and sent in one commit interval writes nothing to the changelog
        builder.addStateStore(StoreKind.IN_MEMORY.stringKeyed(METERING_ASKS, Topics.GOAL_RUN_REQUESTS.valueSerde())
                .withCachingEnabled());
        builder.addStateStore(stores.stringKeyed(RECENT_ATTEMPTS, InternalSerdes.RECENT_ATTEMPTS));
    }

    /** Goal changes are scheduled; on the wall clock, each due period becomes a trigger. */
    private static void scheduleGoals(StreamsBuilder builder, TopologySettings settings) {
        GoalScheduler.StoreNames schedulerStores = new GoalScheduler.StoreNames(GOAL_SCHEDULES, DUE_INDEX, HIRED_AGENTS);
        builder.stream(Topics.GOAL_CHANGES.name(), Topics.GOAL_CHANGES.consumed().withName("goal-changes-source"))
                .process(() -> new GoalScheduler(schedulerStores, settings.punctuationInterval()),
                        Named.as("goal-scheduler"), GOAL_SCHEDULES, DUE_INDEX)
                .to(Topics.GOAL_TRIGGERS.name(), Topics.GOAL_TRIGGERS.produced().withName("goal-triggers-sink"));
    }

    /** Triggers and enforcement's answers to metered runs become drafts, questions, skips, settlements or a report due. */
    private static void draftRuns(StreamsBuilder builder, TopologySettings settings, MarketingPlanner marketing,
            TradingPlanner trading) {
        RunDrafter.StoreNames drafterStores = new RunDrafter.StoreNames(GOAL_SCHEDULES, DRAFTED_RUNS, HIRED_AGENTS,
                MARK_PRICES, METERING_ASKS);
        RunDrafter.Asking asking = new RunDrafter.Asking(settings.askBatch(), settings.askInterval());
        BranchedKStream<String, RunOutput> outputs = runInputs(builder)
                .process(() -> new RunDrafter(marketing, trading, drafterStores, settings.draftedRunsRetention(), asking),
                        Named.as("run-drafter"), GOAL_SCHEDULES, DRAFTED_RUNS, METERING_ASKS)
                .split(Named.as("run-output-"));
        toTopic(outputs, RunOutput.Drafted.class, RunOutput.Drafted::draft, Topics.DELIVERABLE_DRAFTS,
                "drafted", "drafted-draft", "run-drafts-sink");
        toTopic(outputs, RunOutput.MeteringAsked.class, RunOutput.MeteringAsked::batch, Topics.GOAL_RUN_REQUEST_BATCHES,
                "metering", "metering-request", "goal-run-request-batches-sink");
        toTopic(outputs, RunOutput.Skipped.class, RunOutput.Skipped::skip, Topics.GOAL_RUN_DECISIONS,
                "skipped", "skipped-run", "skipped-runs-sink");
        toTopic(outputs, RunOutput.Settled.class, RunOutput.Settled::settlement, Topics.GOAL_RUN_SETTLEMENTS,
                "settled", "settlement", "goal-run-settlements-sink");
        outputs.defaultBranch(Branched.withConsumer(reportsDue -> reportGuardrails(builder, settings, trading, reportsDue),
                "guardrail-due"));
    }

    /**
     * The branch of the drafter's outputs of one {@code kind}: what {@code value} takes out of each
     * goes to {@code topic}. Branches are tried in the order they are added.
     */
    private static <O extends RunOutput, V> void toTopic(BranchedKStream<String, RunOutput> outputs, Class<O> kind,
            Function<O, V> value, Topic<String, V> topic, String branch, String valueNode, String sinkNode) {
        outputs.branch((key, output) -> kind.isInstance(output), Branched.withConsumer(ofKind -> ofKind
                .mapValues(output -> value.apply(kind.cast(output)), Named.as(valueNode))
                .to(topic.name(), topic.produced().withName(sinkNode)), branch));
    }

    /** Triggers, and enforcement's answers to metered runs (this runner's own skips travel on the same topic). */
    private static KStream<String, RunInput> runInputs(StreamsBuilder builder) {
        KStream<String, RunInput> triggers = builder
                .stream(Topics.GOAL_TRIGGERS.name(), Topics.GOAL_TRIGGERS.consumed().withName("goal-triggers-source"))
                .mapValues(trigger -> (RunInput) new RunInput.Triggered(trigger), Named.as("triggered"));
        KStream<String, RunInput> metered = builder
                .stream(Topics.GOAL_RUN_DECISIONS.name(), Topics.GOAL_RUN_DECISIONS.consumed().withName("goal-run-decisions-source"))
                .filter((key, decision) -> decision != null && decision.trigger() != null && !decision.skipped(),
                        Named.as("goal-run-decisions-with-trigger"))
                .mapValues(decision -> (RunInput) new RunInput.Metered(decision), Named.as("metered"));
        return triggers.merge(metered, Named.as("run-inputs"));
    }

    /** A report due meets the subscription's trading decisions, by subscription, and becomes a guardrail draft. */
    private static void reportGuardrails(StreamsBuilder builder, TopologySettings settings, TradingPlanner trading,
            KStream<String, RunOutput> due) {
        KStream<String, GuardrailInput> reportsDue = due
                .mapValues(output -> (GuardrailInput) new GuardrailInput.ReportDue(
                        ((RunOutput.GuardrailReportDue) output).run()), Named.as("guardrail-report-due"));
        tradingDecisions(builder)
                .merge(reportsDue, Named.as("guardrail-inputs"))
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.GUARDRAIL_INPUT)
                        .withName(GUARDRAIL_REPARTITION).withNumberOfPartitions(Topics.PARTITIONS))
                .process(() -> new GuardrailReporter(trading, RECENT_ATTEMPTS, settings.attemptsKept()),
                        Named.as("guardrail-reporter"), RECENT_ATTEMPTS)
                .to(Topics.DELIVERABLE_DRAFTS.name(), Topics.DELIVERABLE_DRAFTS.produced().withName("guardrail-drafts-sink"));
    }

    /** Only trades make a guardrail report: the far more numerous social decisions stop here. */
    private static KStream<String, GuardrailInput> tradingDecisions(StreamsBuilder builder) {
        return builder
                .stream(Topics.EXECUTION_DECISIONS.name(), Topics.EXECUTION_DECISIONS.consumed().withName("decisions-source"))
                .filter((key, decision) -> decision != null && decision.subscriptionId() != null
                        && REPORTED_ACTIONS.contains(Action.fromCode(decision.action())), Named.as("trading-decisions"))
                .map((key, decision) -> KeyValue.pair(decision.subscriptionId(),
                        (GuardrailInput) new GuardrailInput.DecisionObserved(Attempt.of(decision))),
                        Named.as("decisions-by-subscription"));
    }

    /** A global table read by key; a plain key-value store either way, as the scheduler and drafter expect. */
    private static <V> void globalStore(StreamsBuilder builder, Topic<String, V> topic, StoreKind stores, String name) {
        builder.globalTable(topic.name(), topic.consumed().withName(name + "-source"),
                Materialized.<String, V>as(stores.keyValue(name))
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }
}
