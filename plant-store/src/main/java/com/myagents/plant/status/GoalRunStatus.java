package com.myagents.plant.status;

/** What became of a goal run ({@code goal_runs.status}: its constants are the CHECK constraint's list). */
public enum GoalRunStatus implements DatabaseLiteral {
    TRIGGERED("triggered"),
    COMPLETED("completed"),
    FAILED("failed"),
    DENIED("denied"),
    SKIPPED("skipped");

    private final String literal;

    GoalRunStatus(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static GoalRunStatus of(String literal) {
        return DatabaseLiteral.of(GoalRunStatus.class, literal);
    }
}
