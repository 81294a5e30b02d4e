package com.myagents.goals.drafts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalRunRequestBatch;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.market.MarkPrice;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.marketing.PostBrief.Purpose;
import com.myagents.goals.runs.DraftAssembler;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.HiredAgents;
import com.myagents.goals.runs.PlannedDraft;
import com.myagents.goals.runs.SkipReason;
import com.myagents.goals.schedule.ScheduledGoal;
import com.myagents.goals.trading.MarkPrices;
import com.myagents.goals.trading.TradingPlanner;

/**
 * Turns goal triggers (the scheduler's and ingest-api's on-demand ones alike) into drafts. Runs in
 * the scheduler's tasks (triggers and goal changes share key and partitioning), so the goal's
 * current settings are a local read. Each run id drafts once: the mark is stored with the drafts'
 * commit, so a duplicated trigger (at-least-once upstream, a retried on-demand request) is a no-op.
 * <p>
 * A run that costs is not drafted on its trigger: it asks enforcement first, and drafts when the
 * allowed answer comes back (keyed by goal, to this task). The runs asking wait in a store and go
 * together, one request per subscription of up to {@link Asking#batch()} runs, once that many
 * wait or on a short wall-clock punctuation: a due minute of thousands of runs costs enforcement a
 * few records instead of one each. The waiting request commits with the trigger's offset
 * (exactly_once_v2), so a crash before it is sent loses nothing: it is sent after the restore. A denied run ends there, marked as run:
 * enforcement has recorded the denial for the customer and the auditors. A run that cannot run (the
 * instance not finalized or not runnable, the goal paused, its settings unusable) is recorded as a
 * skipped goal run with the reason, on the goal-run decisions topic, so it never vanishes.
 */
public final class RunDrafter implements Processor<String, RunInput, String, RunOutput> {

    private static final Logger log = LoggerFactory.getLogger(RunDrafter.class);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final MarketingPlanner marketing;
    private final TradingPlanner trading;
    private final StoreNames stores;
    private final Duration draftedRunsRetention;
    private final Asking asking;
    private ProcessorContext<String, RunOutput> context;
    private KeyValueStore<String, ScheduledGoal> goals;
    private KeyValueStore<String, Long> draftedRuns;
    private KeyValueStore<String, GoalRunRequest> asks;
    /** Requests put in {@link #asks} since it was last emptied here (after a restore it may hold more). */
    private int waiting;
    private HiredAgents agents;
    private MarkPrices prices;

    /**
     * The stores this processor reads ({@code goals}, {@code hiredAgents}, {@code markPrices}) and
     * writes ({@code draftedRuns}, {@code meteringAsks}).
     */
    public record StoreNames(String goals, String draftedRuns, String hiredAgents, String markPrices, String meteringAsks) {
    }

    /** How metered runs ask enforcement: up to {@code batch} runs of a subscription at once, at least every {@code interval}. */
    public record Asking(int batch, Duration interval) {
    }

    /**
     * @param draftedRunsRetention how long a run id is remembered as drafted; longer than any
     *                             trigger can be redelivered (the triggers topic keeps a week)
     */
    public RunDrafter(MarketingPlanner marketing, TradingPlanner trading, StoreNames stores,
            Duration draftedRunsRetention, Asking asking) {
        this.marketing = marketing;
        this.trading = trading;
        this.stores = stores;
        this.draftedRunsRetention = draftedRunsRetention;
        this.asking = asking;
    }

    @Override
    public void init(ProcessorContext<String, RunOutput> context) {
        this.context = context;
        this.goals = context.getStateStore(stores.goals());
        this.draftedRuns = context.getStateStore(stores.draftedRuns());
        this.asks = context.getStateStore(stores.meteringAsks());
        this.agents = HiredAgents.from(context, stores.hiredAgents());
        KeyValueStore<String, ValueAndTimestamp<MarkPrice>> markPrices = context.getStateStore(stores.markPrices());
        this.prices = symbol -> {
            ValueAndTimestamp<MarkPrice> latest = symbol == null ? null : markPrices.get(symbol);
            return latest == null ? null : latest.value();
        };
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forgetOldRuns);
        context.schedule(asking.interval(), PunctuationType.WALL_CLOCK_TIME, this::askEnforcement);
    }

    @Override
    public void process(Record<String, RunInput> record) {
        RunInput input = record.value();
        GoalTrigger trigger = input == null ? null : input.trigger();
        if (trigger == null || trigger.runId() == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        if (input instanceof RunInput.Metered metered && !metered.decision().allowed()) {
            if (draftedRuns.get(trigger.runId()) == null) {
                draftedRuns.put(trigger.runId(), now);
            }
            log.debug("goal run {} was denied by enforcement: {}", trigger.runId(), metered.decision().reason().code());
            return;
        }
        String goalId = record.key() != null ? record.key() : trigger.goalInstanceId();
        ScheduledGoal goal = goalId == null ? null : goals.get(goalId);
        String agentId = goal != null ? goal.goal().hiredInstanceId() : trigger.hiredInstanceId();
        HiredAgentChange agent = agents.get(agentId);
        RunDecision decision = RunDecision.decide(trigger, goal, agent, draftedRuns.get(trigger.runId()) != null,
                Instant.ofEpochMilli(now));
        if (decision instanceof RunDecision.Skip skip) {
            skip(goalId, trigger, skip.reason(), agent, now, record.timestamp());
            return;
        }
        RunDecision.Draft draft = (RunDecision.Draft) decision;
        if (draft.skill().metered() && input instanceof RunInput.Triggered) {
            GoalRunRequest ask = new GoalRunRequest(meteredTrigger(draft.run()), Instant.ofEpochMilli(now));
            asks.put(ask.runId(), ask);
            if (++waiting >= asking.batch()) {
                // stamped like the trigger, as a run asking alone was: the answers then come back in
                // between the triggers still to read (records are read in timestamp order), not after all of them
                askEnforcement(record.timestamp());
            }
            return;
        }
        List<RunOutput> outputs;
        try {
            outputs = outputs(draft);
        } catch (RuntimeException e) {
            // bad settings must not stop the stream: the run is recorded as skipped, and a fixed goal runs next time
            log.warn("goal run {} failed to plan ({}): {}", trigger.runId(), draft.skill(), e.toString());
            skip(goalId, trigger, SkipReason.SETTINGS_INVALID, agent, now, record.timestamp());
            return;
        }
        draftedRuns.put(trigger.runId(), now);
        if (input instanceof RunInput.Metered) {
            outputs = new ArrayList<>(outputs);
            outputs.add(new RunOutput.Settled(RunCosts.settlement(draft.run(), outputs, Instant.ofEpochMilli(now))));
        }
        for (RunOutput output : outputs) {
            String key = output instanceof RunOutput.Drafted drafted ? drafted.draft().deliverableId()
                    : draft.run().agent().subscriptionId();
            context.forward(new Record<>(key, output, record.timestamp()));
        }
        log.debug("goal run {} ({}) yielded {} output(s)", trigger.runId(), draft.skill(), outputs.size());
    }

    /**
     * A run that does not run: recorded as a skipped goal run with the reason (once per run id, the
     * mark is stored with the record's commit), or only logged when there is no goal to show it on.
     */
    private void skip(String goalId, GoalTrigger trigger, SkipReason reason, HiredAgentChange agent, long now,
            long timestamp) {
        log.debug("goal run {} drafts nothing: {}", trigger.runId(), reason.code());
        if (reason.recorded() == null || goalId == null) {
            return;
        }
        draftedRuns.put(trigger.runId(), now);
        Map<String, Object> inputs = new LinkedHashMap<>();
        if (agent != null) {
            inputs.put("configured", agent.configured());
            inputs.put("subscription_status", agent.subscriptionStatus());
            inputs.put("trial_status", agent.trialStatus());
            inputs.put("trial_end_at", agent.trialEndAt() == null ? null : agent.trialEndAt().toString());
        }
        GoalRunDecision skipped = GoalRunDecision.skip(trigger, reason.recorded(), reason.words(), inputs,
                Instant.ofEpochMilli(now));
        context.forward(new Record<>(goalId, new RunOutput.Skipped(skipped), timestamp));
    }

    /**
     * Sends every waiting request: one batch per subscription (in run id order) of at most
     * {@link Asking#batch()} runs. A run asked twice before it was sent asks once.
     */
    void askEnforcement(long timestamp) {
        Map<String, List<GoalRunRequest>> bySubscription = new LinkedHashMap<>();
        List<String> sent = new ArrayList<>();
        try (KeyValueIterator<String, GoalRunRequest> all = asks.all()) {
            all.forEachRemaining(entry -> {
                sent.add(entry.key);
                if (entry.value != null) {
                    bySubscription.computeIfAbsent(entry.value.subscriptionId(), s -> new ArrayList<>()).add(entry.value);
                }
            });
        }
        sent.forEach(asks::delete);
        waiting = 0;
        bySubscription.forEach((subscriptionId, requests) -> {
            for (int from = 0; from < requests.size(); from += asking.batch()) {
                List<GoalRunRequest> batch = requests.subList(from, Math.min(requests.size(), from + asking.batch()));
                context.forward(new Record<>(subscriptionId,
                        new RunOutput.MeteringAsked(new GoalRunRequestBatch(subscriptionId, batch)), timestamp));
            }
        });
    }

    /** The trigger as enforcement needs it: template, instance, subscription and customer from the current state. */
    private static GoalTrigger meteredTrigger(GoalRun run) {
        GoalTrigger trigger = run.trigger();
        return new GoalTrigger(trigger.runId(), run.goal().goalInstanceId(), run.goal().goalTemplateId(),
                run.agent().hiredInstanceId(), run.agent().subscriptionId(), run.agent().customerId(),
                trigger.periodKey(), trigger.dueAt(), trigger.redraft());
    }

    private List<RunOutput> outputs(RunDecision.Draft draft) {
        if (draft.skill() == Skill.GUARDRAIL_REPORT) {
            return List.of(new RunOutput.GuardrailReportDue(draft.run()));
        }
        GoalTrigger.Redraft redraft = draft.run().trigger().redraft();
        List<PlannedDraft> planned = redraft != null && draft.skill().metered() ? switch (draft.skill()) {
            case DAILY_MICROPOST -> marketing.redraft(draft.run(), Purpose.DAILY_TIP, redraft);
            case MONTHLY_CAMPAIGN -> marketing.redraft(draft.run(), Purpose.CAMPAIGN_POST, redraft);
            default -> marketing.redraft(draft.run(), Purpose.WEEKLY_POST, redraft);
        } : switch (draft.skill()) {
            case WEEKLY_BATCH -> marketing.weeklyBatch(draft.run());
            case DAILY_MICROPOST -> marketing.dailyMicropost(draft.run());
            case MONTHLY_CAMPAIGN -> marketing.monthlyCampaign(draft.run());
            case TRADE_INTENT -> trading.tradeIntent(draft.run(), prices);
            case CLOSE_REMINDER -> trading.closeReminders(draft.run());
            case GUARDRAIL_REPORT -> throw new IllegalStateException("handled above");
        };
        List<RunOutput> outputs = new ArrayList<>();
        for (DeliverableDraft deliverable : DraftAssembler.assemble(draft.run(), planned)) {
            outputs.add(new RunOutput.Drafted(deliverable));
        }
        return outputs;
    }

    void forgetOldRuns(long nowMillis) {
        long cutoff = nowMillis - draftedRunsRetention.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = draftedRuns.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value == null || entry.value < cutoff) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(draftedRuns::delete);
    }
}
