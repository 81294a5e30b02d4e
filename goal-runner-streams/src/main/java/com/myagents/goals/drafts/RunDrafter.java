package com.myagents.goals.drafts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.goals.marketing.MarketingPlanner;
import com.myagents.goals.runs.DraftAssembler;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.HiredAgents;
import com.myagents.goals.runs.PlannedDraft;
import com.myagents.goals.schedule.ScheduledGoal;
import com.myagents.goals.trading.TradingPlanner;

/**
 * Turns goal triggers (the scheduler's and ingest-api's on-demand ones alike) into drafts. Runs in
 * the scheduler's tasks (triggers and goal changes share key and partitioning), so the goal's
 * current settings are a local read. Each run id drafts once: the mark is stored with the drafts'
 * commit, so a duplicated trigger (at-least-once upstream, a retried on-demand request) is a no-op.
 * <p>
 * A run that costs is not drafted on its trigger: it asks enforcement first, and drafts when the
 * allowed answer comes back (keyed by goal, to this task). A denied run ends there, marked as run:
 * enforcement has recorded the denial for the customer and the auditors.
 */
public final class RunDrafter implements Processor<String, RunInput, String, RunOutput> {

    private static final Logger log = LoggerFactory.getLogger(RunDrafter.class);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final MarketingPlanner marketing;
    private final TradingPlanner trading;
    private final StoreNames stores;
    private final Duration draftedRunsRetention;
    private ProcessorContext<String, RunOutput> context;
    private KeyValueStore<String, ScheduledGoal> goals;
    private KeyValueStore<String, Long> draftedRuns;
    private HiredAgents agents;

    /** The stores this processor reads ({@code goals}, {@code hiredAgents}) and writes ({@code draftedRuns}). */
    public record StoreNames(String goals, String draftedRuns, String hiredAgents) {
    }

    /**
     * @param draftedRunsRetention how long a run id is remembered as drafted; longer than any
     *                             trigger can be redelivered (the triggers topic keeps a week)
     */
    public RunDrafter(MarketingPlanner marketing, TradingPlanner trading, StoreNames stores,
            Duration draftedRunsRetention) {
        this.marketing = marketing;
        this.trading = trading;
        this.stores = stores;
        this.draftedRunsRetention = draftedRunsRetention;
    }

    @Override
    public void init(ProcessorContext<String, RunOutput> context) {
        this.context = context;
        this.goals = context.getStateStore(stores.goals());
        this.draftedRuns = context.getStateStore(stores.draftedRuns());
        this.agents = HiredAgents.from(context, stores.hiredAgents());
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::forgetOldRuns);
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
            log.info("goal run {} was denied by enforcement: {}", trigger.runId(), metered.decision().reason().code());
            return;
        }
        String goalId = record.key() != null ? record.key() : trigger.goalInstanceId();
        ScheduledGoal goal = goalId == null ? null : goals.get(goalId);
        String agentId = goal != null ? goal.goal().hiredInstanceId() : trigger.hiredInstanceId();
        RunDecision decision = RunDecision.decide(trigger, goal, agents.get(agentId),
                draftedRuns.get(trigger.runId()) != null, Instant.ofEpochMilli(now));
        if (decision instanceof RunDecision.Skip skip) {
            log.info("goal run {} drafts nothing: {}", trigger.runId(), skip.reason().code());
            return;
        }
        RunDecision.Draft draft = (RunDecision.Draft) decision;
        if (draft.skill().metered() && input instanceof RunInput.Triggered) {
            GoalRunRequest ask = new GoalRunRequest(meteredTrigger(draft.run()), Instant.ofEpochMilli(now));
            context.forward(new Record<>(ask.subscriptionId(), new RunOutput.MeteringAsked(ask), record.timestamp()));
            return;
        }
        List<RunOutput> outputs;
        try {
            outputs = outputs(draft);
        } catch (RuntimeException e) {
            // bad settings must not stop the stream: the run is logged and not marked, so a fixed goal can re-run it
            log.warn("goal run {} failed to plan ({}): {}", trigger.runId(), draft.skill(), e.toString());
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
        log.info("goal run {} ({}) yielded {} output(s)", trigger.runId(), draft.skill(), outputs.size());
    }

    /** The trigger as enforcement needs it: template, instance, subscription and customer from the current state. */
    private static GoalTrigger meteredTrigger(GoalRun run) {
        GoalTrigger trigger = run.trigger();
        return new GoalTrigger(trigger.runId(), run.goal().goalInstanceId(), run.goal().goalTemplateId(),
                run.agent().hiredInstanceId(), run.agent().subscriptionId(), run.agent().customerId(),
                trigger.periodKey(), trigger.dueAt());
    }

    private List<RunOutput> outputs(RunDecision.Draft draft) {
        if (draft.skill() == Skill.GUARDRAIL_REPORT) {
            return List.of(new RunOutput.GuardrailReportDue(draft.run()));
        }
        List<PlannedDraft> planned = switch (draft.skill()) {
            case WEEKLY_BATCH -> marketing.weeklyBatch(draft.run());
            case DAILY_MICROPOST -> marketing.dailyMicropost(draft.run());
            case MONTHLY_CAMPAIGN -> marketing.monthlyCampaign(draft.run());
            case TRADE_INTENT -> trading.tradeIntent(draft.run());
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
