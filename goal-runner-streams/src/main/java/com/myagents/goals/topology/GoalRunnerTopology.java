package com.myagents.goals.topology;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.execution.Action;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.market.MarkPrice;
import com.myagents.goals.drafts.RunDrafter;
import com.myagents.goals.drafts.RunInput;
import com.myagents.goals.drafts.RunOutput;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.schedule.GoalScheduler;
import com.myagents.goals.trading.Attempt;
import com.myagents.goals.trading.GuardrailInput;
import com.myagents.goals.trading.GuardrailReporter;
import com.myagents.goals.trading.TradingPlanner;

/**
 * The goal-runner topology, built from the topic registry and nothing else:
 * <pre>
 * hired-agents ──► global store "hired-agents" (read by the scheduler and the drafter)
 * mark-prices ───► global store "mark-prices" (the drafter prices market orders with it)
 * goal-changes ──► GoalScheduler [goal-schedules, goal-due-index] ──(wall clock)──► goal-triggers
 * goal-triggers ──────┬► RunDrafter [goal-schedules, drafted-runs] ──► deliverable-drafts
 * goal-run-decisions ─┘        ├── metered run: ask first ──► goal-run-requests (enforcement answers)
 *                              ├── cannot run: skipped, with the reason ──► goal-run-decisions
 *                              ├── metered run drafted: its real cost ──► goal-run-settlements
 *                              └── guardrail report due ─┐
 * execution-decisions ── by subscription_id ─────┴► GuardrailReporter [recent-attempts] ──► deliverable-drafts
 * </pre>
 * Goal changes, triggers and goal-run decisions share key and partition count, so one task owns a
 * goal's schedule and its runs. Pure: no I/O, no configuration beyond {@link TopologySettings}; the driver tests build it.
 */
public final class GoalRunnerTopology {

    public static final String HIRED_AGENTS_STORE = "hired-agents";
    public static final String MARK_PRICES_STORE = "mark-prices";
    public static final String GOAL_SCHEDULES_STORE = "goal-schedules";
    public static final String DUE_INDEX_STORE = "goal-due-index";
    public static final String DRAFTED_RUNS_STORE = "drafted-runs";
    public static final String RECENT_ATTEMPTS_STORE = "recent-attempts";
    public static final String GUARDRAIL_REPARTITION = "guardrail-inputs-by-subscription";
    private static final Set<Action> REPORTED_ACTIONS = EnumSet.of(Action.PLACE_ORDER, Action.CLOSE_POSITION);

    private GoalRunnerTopology() {
    }

    public static Topology build(TopologySettings settings, MarketingPlanner marketing, TradingPlanner trading) {
        StreamsBuilder builder = new StreamsBuilder();

        builder.globalTable(Topics.HIRED_AGENTS.name(), Topics.HIRED_AGENTS.consumed().withName("hired-agents-source"),
                Materialized.<String, HiredAgentChange>as(supplier(settings, HIRED_AGENTS_STORE))
                        .withKeySerde(Topics.HIRED_AGENTS.keySerde())
                        .withValueSerde(Topics.HIRED_AGENTS.valueSerde()));
        builder.globalTable(Topics.MARK_PRICES.name(), Topics.MARK_PRICES.consumed().withName("mark-prices-source"),
                Materialized.<String, MarkPrice>as(supplier(settings, MARK_PRICES_STORE))
                        .withKeySerde(Topics.MARK_PRICES.keySerde())
                        .withValueSerde(Topics.MARK_PRICES.valueSerde()));
        builder.addStateStore(store(settings, GOAL_SCHEDULES_STORE, InternalSerdes.SCHEDULED_GOAL));
        builder.addStateStore(store(settings, DUE_INDEX_STORE, Serdes.String()));
        builder.addStateStore(store(settings, DRAFTED_RUNS_STORE, Serdes.Long()));
        builder.addStateStore(store(settings, RECENT_ATTEMPTS_STORE, InternalSerdes.RECENT_ATTEMPTS));

        GoalScheduler.StoreNames schedulerStores = new GoalScheduler.StoreNames(GOAL_SCHEDULES_STORE, DUE_INDEX_STORE,
                HIRED_AGENTS_STORE);
        builder.stream(Topics.GOAL_CHANGES.name(), Topics.GOAL_CHANGES.consumed().withName("goal-changes-source"))
                .process(() -> new GoalScheduler(schedulerStores, settings.punctuationInterval()),
                        Named.as("goal-scheduler"), GOAL_SCHEDULES_STORE, DUE_INDEX_STORE)
                .to(Topics.GOAL_TRIGGERS.name(), Topics.GOAL_TRIGGERS.produced().withName("goal-triggers-sink"));

        RunDrafter.StoreNames drafterStores = new RunDrafter.StoreNames(GOAL_SCHEDULES_STORE, DRAFTED_RUNS_STORE,
                HIRED_AGENTS_STORE, MARK_PRICES_STORE);
        KStream<String, RunInput> triggers = builder
                .stream(Topics.GOAL_TRIGGERS.name(), Topics.GOAL_TRIGGERS.consumed().withName("goal-triggers-source"))
                .mapValues(trigger -> (RunInput) new RunInput.Triggered(trigger), Named.as("triggered"));
        KStream<String, RunInput> metered = builder
                .stream(Topics.GOAL_RUN_DECISIONS.name(), Topics.GOAL_RUN_DECISIONS.consumed().withName("goal-run-decisions-source"))
                // enforcement's answers only: this runner's own skips travel on the same topic
                .filter((key, decision) -> decision != null && decision.trigger() != null && !decision.skipped(),
                        Named.as("goal-run-decisions-with-trigger"))
                .mapValues(decision -> (RunInput) new RunInput.Metered(decision), Named.as("metered"));
        Map<String, KStream<String, RunOutput>> outputs = triggers.merge(metered, Named.as("run-inputs"))
                .process(() -> new RunDrafter(marketing, trading, drafterStores, settings.draftedRunsRetention()),
                        Named.as("run-drafter"), GOAL_SCHEDULES_STORE, DRAFTED_RUNS_STORE)
                .split(Named.as("run-output-"))
                .branch((key, output) -> output instanceof RunOutput.Drafted, Branched.as("drafted"))
                .branch((key, output) -> output instanceof RunOutput.MeteringAsked, Branched.as("metering"))
                .branch((key, output) -> output instanceof RunOutput.Skipped, Branched.as("skipped"))
                .branch((key, output) -> output instanceof RunOutput.Settled, Branched.as("settled"))
                .defaultBranch(Branched.as("guardrail-due"));

        outputs.get("run-output-settled")
                .mapValues(output -> ((RunOutput.Settled) output).settlement(), Named.as("settlement"))
                .to(Topics.GOAL_RUN_SETTLEMENTS.name(),
                        Topics.GOAL_RUN_SETTLEMENTS.produced().withName("goal-run-settlements-sink"));

        outputs.get("run-output-metering")
                .mapValues(output -> ((RunOutput.MeteringAsked) output).request(), Named.as("metering-request"))
                .to(Topics.GOAL_RUN_REQUESTS.name(), Topics.GOAL_RUN_REQUESTS.produced().withName("goal-run-requests-sink"));

        outputs.get("run-output-skipped")
                .mapValues(output -> ((RunOutput.Skipped) output).skip(), Named.as("skipped-run"))
                .to(Topics.GOAL_RUN_DECISIONS.name(), Topics.GOAL_RUN_DECISIONS.produced().withName("skipped-runs-sink"));

        outputs.get("run-output-drafted")
                .mapValues(output -> ((RunOutput.Drafted) output).draft(), Named.as("drafted-draft"))
                .to(Topics.DELIVERABLE_DRAFTS.name(), Topics.DELIVERABLE_DRAFTS.produced().withName("run-drafts-sink"));

        KStream<String, GuardrailInput> reportsDue = outputs.get("run-output-guardrail-due")
                .mapValues(output -> (GuardrailInput) new GuardrailInput.ReportDue(
                        ((RunOutput.GuardrailReportDue) output).run()), Named.as("guardrail-report-due"));
        KStream<String, GuardrailInput> decisions = builder
                .stream(Topics.EXECUTION_DECISIONS.name(), Topics.EXECUTION_DECISIONS.consumed().withName("decisions-source"))
                // only trades make a guardrail report: the far more numerous social decisions stop here
                .filter((key, decision) -> decision != null && decision.subscriptionId() != null
                        && REPORTED_ACTIONS.contains(Action.fromCode(decision.action())), Named.as("trading-decisions"))
                .map((key, decision) -> KeyValue.pair(decision.subscriptionId(),
                        (GuardrailInput) new GuardrailInput.DecisionObserved(Attempt.of(decision))), Named.as("decisions-by-subscription"));

        KStream<String, DeliverableDraft> reports = decisions
                .merge(reportsDue, Named.as("guardrail-inputs"))
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.GUARDRAIL_INPUT)
                        .withName(GUARDRAIL_REPARTITION).withNumberOfPartitions(Topics.PARTITIONS))
                .process(() -> new GuardrailReporter(trading, RECENT_ATTEMPTS_STORE, settings.attemptsKept()),
                        Named.as("guardrail-reporter"), RECENT_ATTEMPTS_STORE);
        reports.to(Topics.DELIVERABLE_DRAFTS.name(), Topics.DELIVERABLE_DRAFTS.produced().withName("guardrail-drafts-sink"));

        return builder.build();
    }

    private static KeyValueBytesStoreSupplier supplier(TopologySettings settings, String name) {
        return settings.persistentStores() ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(TopologySettings settings, String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(supplier(settings, name), Serdes.String(), values);
    }
}
