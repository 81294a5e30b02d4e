package com.myagents.goals.topology;

import com.myagents.contracts.serde.JsonSerde;
import com.myagents.goals.schedule.ScheduledGoal;
import com.myagents.goals.trading.GuardrailInput;
import com.myagents.goals.trading.RecentAttempts;

/**
 * Serdes of this application's own state stores and repartition topic, never of a shared topic
 * (those are declared in {@link com.myagents.contracts.Topics}). Same JSON dialect as the events.
 */
final class InternalSerdes {

    static final JsonSerde<ScheduledGoal> SCHEDULED_GOAL = new JsonSerde<>(ScheduledGoal.class, "goal-runner.scheduled-goal", 1);
    static final JsonSerde<RecentAttempts> RECENT_ATTEMPTS = new JsonSerde<>(RecentAttempts.class, "goal-runner.recent-attempts", 1);
    static final JsonSerde<GuardrailInput> GUARDRAIL_INPUT = new JsonSerde<>(GuardrailInput.class, "goal-runner.guardrail-input", 1);

    private InternalSerdes() {
    }
}
