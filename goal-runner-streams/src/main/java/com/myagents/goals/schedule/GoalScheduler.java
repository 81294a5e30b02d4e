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
 * <li>Every due period is fired, whether or not the instance may run now: the drafter decides
 * that and records a run it does not run as skipped, with the reason.</li>
 * <li>A goal without its own time zone follows its instance's current one, also when it changes.</li>
 * <li>A new or changed goal is next due at its first due time after the change, so enabling a
 * goal in the afternoon does not fire the morning's run; a due time that had already passed
 * unfired when the change arrived stays due.</li>
 * </ul>
 */
public final class GoalScheduler implements Processor<String, GoalChange, String, GoalTrigger> {

    private static final Logger log = LoggerFactory.getLogger(GoalScheduler.class);

    /** How often goals that follow their instance's time zone are checked against it. */
    static final Duration ZONE_CHECK_INTERVAL = Duration.ofMinutes(1);

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
        context.schedule(ZONE_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::followInstanceZones);
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
        Schedule schedule = scheduleOf(change);
        Instant nextDue = schedule == null ? null : schedule.dueAt(schedule.firstDueAfter(changedAt));
        Instant pending = existing == null ? null : existing.nextDueAt();
        if (nextDue != null && pending != null && !pending.isAfter(changedAt)) {
            // due before the edit but not fired yet (between punctuations, or while catching up): keep it due
            nextDue = pending;
        }
        goals.put(goalId, new ScheduledGoal(change, existing == null ? null : existing.lastPeriodKey(), nextDue,
                schedule == null ? null : schedule.zone().getId()));
        if (nextDue != null) {
            dueIndex.put(DueIndex.key(nextDue, goalId), goalId);
        }
    }

    /** Emits the triggers of every goal due at or before now; runs on wall-clock time. */
    void fireDue(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        int fired = 0;
        int notFired = 0;
        for (KeyValue<String, String> due : dueBy(nowMillis)) {
            dueIndex.delete(due.key);
            ScheduledGoal goal = goals.get(due.value);
            if (goal == null || goal.nextDueAt() == null || !due.key.equals(DueIndex.key(goal.nextDueAt(), due.value))) {
                continue; // a stale index entry: the goal was changed or deleted since
            }
            Boolean emitted = fire(due.value, goal, now);
            if (emitted != null) {
                fired += emitted ? 1 : 0;
                notFired += emitted ? 0 : 1;
            }
        }
        if (fired + notFired > 0) {
            // one line per punctuation, not per goal: a due minute can hold a hundred thousand goals
            log.info("{} goal(s) due by {}: {} trigger(s) emitted, {} not fired", fired + notFired, now, fired, notFired);
        }
    }

    /** @return whether a trigger was emitted; null when the goal is no longer scheduled */
    private Boolean fire(String goalId, ScheduledGoal goal, Instant now) {
        Schedule schedule;
        try {
            schedule = Schedule.of(goal.goal(), instanceZone(goal.goal()));
        } catch (Schedule.InvalidSchedule e) {
            log.warn("goal {} is no longer scheduled: {}", goalId, e.getMessage());
            goals.put(goalId, goal.withNextDue(null, null));
            return null;
        }
        Period period = schedule.latestDueAtOrBefore(now);
        DueDecision decision = DueDecision.decide(goal, period);
        Instant next = schedule.dueAt(schedule.firstDueAfter(now));
        String zone = schedule.zone().getId();
        if (decision instanceof DueDecision.Fire) {
            context.forward(new Record<>(goalId, trigger(goalId, goal.goal(), period, schedule.dueAt(period)), now.toEpochMilli()));
            goals.put(goalId, goal.ran(period.key(), next, zone));
            log.debug("goal {} due for {}: trigger emitted, next due {}", goalId, period.key(), next);
        } else {
            goals.put(goalId, goal.withNextDue(next, zone));
            log.debug("goal {} due for {}: not fired ({}), next due {}", goalId, period.key(),
                    ((DueDecision.Skip) decision).reason().code(), next);
        }
        dueIndex.put(DueIndex.key(next, goalId), goalId);
        return decision instanceof DueDecision.Fire;
    }

    /**
     * Goals without a time zone of their own follow their instance's: when the instance's zone
     * changed since a goal's next due time was computed, the due time is computed again in the new
     * zone, as the first due time after the instance changed (a due time already passed unfired
     * before the change stays due). Runs on wall-clock time, less often than {@link #fireDue}; a
     * goal that comes due in between is fired in the instance's current zone anyway.
     */
    void followInstanceZones(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        List<KeyValue<String, ScheduledGoal>> following = new ArrayList<>();
        try (KeyValueIterator<String, ScheduledGoal> all = goals.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && entry.value.nextDueAt() != null && !entry.value.ownZone()) {
                    following.add(entry);
                }
            });
        }
        for (KeyValue<String, ScheduledGoal> entry : following) {
            ScheduledGoal goal = entry.value;
            HiredAgentChange agent = agents.get(goal.goal().hiredInstanceId());
            Schedule schedule = scheduleOf(goal.goal());
            if (schedule == null || schedule.zone().getId().equals(goal.zone())) {
                continue;
            }
            Instant since = changedSince(agent, now);
            Instant next = goal.nextDueAt().isAfter(since) ? schedule.dueAt(schedule.firstDueAfter(since)) : goal.nextDueAt();
            dueIndex.delete(DueIndex.key(goal.nextDueAt(), entry.key));
            goals.put(entry.key, goal.withNextDue(next, schedule.zone().getId()));
            dueIndex.put(DueIndex.key(next, entry.key), entry.key);
            log.info("goal {} follows its instance to time zone {}: next due {}", entry.key, schedule.zone().getId(), next);
        }
    }

    /**
     * When the instance's zone changed, as far as rescheduling goes: its change time, but no earlier
     * than a change this check could have missed (two intervals), so a change noticed late (the
     * runner was down, the record came late) is taken as made now and never fires a past period.
     */
    private static Instant changedSince(HiredAgentChange agent, Instant now) {
        Instant earliest = now.minus(ZONE_CHECK_INTERVAL.multipliedBy(2));
        if (agent == null || agent.changedAt() == null || agent.changedAt().isAfter(now)) {
            return now;
        }
        return agent.changedAt().isBefore(earliest) ? earliest : agent.changedAt();
    }

    private List<KeyValue<String, String>> dueBy(long nowMillis) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> range = dueIndex.range(DueIndex.lowest(), DueIndex.upTo(nowMillis))) {
            range.forEachRemaining(due::add);
        }
        return due;
    }

    /** The goal's schedule in its own zone or its instance's current one; {@code null} when it is not scheduled. */
    private Schedule scheduleOf(GoalChange goal) {
        if (!goal.enabled() || !Schedule.recurring(goal.frequency())) {
            return null;
        }
        try {
            return Schedule.of(goal, instanceZone(goal));
        } catch (Schedule.InvalidSchedule e) {
            log.warn("goal {} is not scheduled: {}", goal.goalInstanceId(), e.getMessage());
            return null;
        }
    }

    private String instanceZone(GoalChange goal) {
        HiredAgentChange agent = agents.get(goal.hiredInstanceId());
        return agent == null ? null : agent.timezone();
    }

    static GoalTrigger trigger(String goalId, GoalChange goal, Period period, Instant dueAt) {
        return new GoalTrigger(GoalTrigger.runId(goalId, period.key()), goalId, goal.goalTemplateId(),
                goal.hiredInstanceId(), goal.subscriptionId(), goal.customerId(), period.key(), dueAt);
    }
}
