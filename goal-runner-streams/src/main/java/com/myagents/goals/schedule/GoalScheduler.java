package com.myagents.goals.schedule;

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

import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.runs.HiredAgents;

/**
 * Keeps every goal of its partitions with its next due time, and on wall-clock punctuation emits
 * one trigger per due period.
 * <ul>
 * <li>Idempotent per period: the last emitted period is stored with the goal and committed with
 * the trigger (exactly_once_v2), so a restart, rebalance or retry never emits a period twice.</li>
 * <li>Catch-up once: a goal found overdue fires only its latest due period, then waits for the
 * next one; periods missed while down are not replayed one by one.</li>
 * <li>A new or changed goal is next due at its first due time after the change, so enabling a
 * goal in the afternoon does not fire the morning's run; a due time that had already passed
 * unfired when the change arrived stays due.</li>
 * </ul>
 */
public final class GoalScheduler implements Processor<String, GoalChange, String, GoalTrigger> {

    private static final Logger log = LoggerFactory.getLogger(GoalScheduler.class);

    private final StoreNames stores;
    private final Duration interval;
    private ProcessorContext<String, GoalTrigger> context;
    private KeyValueStore<String, ScheduledGoal> goals;
    private KeyValueStore<String, String> dueIndex;
    private HiredAgents agents;

    /** The stores this processor reads and writes. */
    public record StoreNames(String goals, String dueIndex, String hiredAgents) {
    }

    public GoalScheduler(StoreNames stores, Duration interval) {
        this.stores = stores;
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, GoalTrigger> context) {
        this.context = context;
        this.goals = context.getStateStore(stores.goals());
        this.dueIndex = context.getStateStore(stores.dueIndex());
        this.agents = HiredAgents.from(context, stores.hiredAgents());
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::fireDue);
    }

    @Override
    public void process(Record<String, GoalChange> record) {
        String goalId = record.key();
        if (goalId == null) {
            return;
        }
        ScheduledGoal existing = goals.get(goalId);
        if (existing != null && existing.nextDueAt() != null) {
            dueIndex.delete(DueIndex.key(existing.nextDueAt(), goalId));
        }
        GoalChange change = record.value();
        if (change == null || change.deleted()) {
            goals.delete(goalId);
            return;
        }
        Instant changedAt = change.changedAt() != null ? change.changedAt() : Instant.ofEpochMilli(record.timestamp());
        Instant nextDue = firstDueAfter(change, changedAt);
        Instant pending = existing == null ? null : existing.nextDueAt();
        if (nextDue != null && pending != null && !pending.isAfter(changedAt)) {
            // due before the edit but not fired yet (between punctuations, or while catching up): keep it due
            nextDue = pending;
        }
        goals.put(goalId, new ScheduledGoal(change, existing == null ? null : existing.lastPeriodKey(), nextDue));
        if (nextDue != null) {
            dueIndex.put(DueIndex.key(nextDue, goalId), goalId);
        }
    }

    /** Emits the triggers of every goal due at or before now; runs on wall-clock time. */
    void fireDue(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        for (KeyValue<String, String> due : dueBy(nowMillis)) {
            dueIndex.delete(due.key);
            ScheduledGoal goal = goals.get(due.value);
            if (goal == null || goal.nextDueAt() == null || !due.key.equals(DueIndex.key(goal.nextDueAt(), due.value))) {
                continue; // a stale index entry: the goal was changed or deleted since
            }
            fire(due.value, goal, now);
        }
    }

    private void fire(String goalId, ScheduledGoal goal, Instant now) {
        Schedule schedule;
        try {
            schedule = Schedule.of(goal.goal(), agentTimezone(goal));
        } catch (Schedule.InvalidSchedule e) {
            log.warn("goal {} is no longer scheduled: {}", goalId, e.getMessage());
            goals.put(goalId, goal.withNextDue(null));
            return;
        }
        Period period = schedule.latestDueAtOrBefore(now);
        DueDecision decision = DueDecision.decide(goal, agents.get(goal.goal().hiredInstanceId()), period, now);
        Instant next = schedule.dueAt(schedule.firstDueAfter(now));
        if (decision instanceof DueDecision.Fire) {
            context.forward(new Record<>(goalId, trigger(goalId, goal.goal(), period, schedule.dueAt(period)), now.toEpochMilli()));
            goals.put(goalId, goal.ran(period.key(), next));
            log.info("goal {} due for {}: trigger emitted, next due {}", goalId, period.key(), next);
        } else {
            goals.put(goalId, goal.withNextDue(next));
            log.info("goal {} due for {}: skipped ({}), next due {}", goalId, period.key(),
                    ((DueDecision.Skip) decision).reason().code(), next);
        }
        dueIndex.put(DueIndex.key(next, goalId), goalId);
    }

    private List<KeyValue<String, String>> dueBy(long nowMillis) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> range = dueIndex.range(DueIndex.lowest(), DueIndex.upTo(nowMillis))) {
            range.forEachRemaining(due::add);
        }
        return due;
    }

    private Instant firstDueAfter(GoalChange goal, Instant after) {
        if (!goal.enabled() || !Schedule.recurring(goal.frequency())) {
            return null;
        }
        try {
            Schedule schedule = Schedule.of(goal, agentTimezone(goal));
            return schedule.dueAt(schedule.firstDueAfter(after));
        } catch (Schedule.InvalidSchedule e) {
            log.warn("goal {} is not scheduled: {}", goal.goalInstanceId(), e.getMessage());
            return null;
        }
    }

    private String agentTimezone(ScheduledGoal goal) {
        return agentTimezone(goal.goal());
    }

    private String agentTimezone(GoalChange goal) {
        HiredAgentChange agent = agents.get(goal.hiredInstanceId());
        return agent == null ? null : agent.timezone();
    }

    static GoalTrigger trigger(String goalId, GoalChange goal, Period period, Instant dueAt) {
        return new GoalTrigger(goalId + ":" + period.key(), goalId, goal.goalTemplateId(),
                goal.hiredInstanceId(), goal.subscriptionId(), goal.customerId(), period.key(), dueAt);
    }
}
