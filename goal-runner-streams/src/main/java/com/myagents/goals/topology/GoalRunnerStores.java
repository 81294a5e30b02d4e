package com.myagents.goals.topology;

/**
 * Every state store of the goal runner, by name, in one place: the topology adds them and hands
 * the processors the names they open. A name is also its changelog topic's
 * ({@code myagents-goal-runner-<name>-changelog}), so renaming one loses its state.
 */
public final class GoalRunnerStores {

    /** hired_instance_id → the hired agent (a global store: read by the scheduler and the drafter). */
    public static final String HIRED_AGENTS = "hired-agents";
    /** product_symbol → its latest mark price (a global store: the drafter prices market orders with it). */
    public static final String MARK_PRICES = "mark-prices";
    /** goal_instance_id → the goal as scheduled. */
    public static final String GOAL_SCHEDULES = "goal-schedules";
    /** next due time + goal → goal: what the scheduler's punctuation walks. */
    public static final String DUE_INDEX = "goal-due-index";
    /** run_id → when it was drafted, so a run is drafted once. */
    public static final String DRAFTED_RUNS = "drafted-runs";
    /**
     * run_id → the metered run's request to enforcement, until it is sent in a batch (a cached store:
     * a run asked and sent between two commits never reaches the changelog).
     */
    public static final String METERING_ASKS = "metering-asks";
    /** subscription_id → its recent trading attempts, for the guardrail report. */
    public static final String RECENT_ATTEMPTS = "recent-attempts";

    private GoalRunnerStores() {
    }
}
