package com.myagents.plant.status;

/** How often a goal runs ({@code goal_instances.frequency}: its constants are the CHECK constraint's list). */
public enum GoalFrequency implements DatabaseLiteral {
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly"),
    ON_DEMAND("on_demand");

    private final String literal;

    GoalFrequency(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static GoalFrequency of(String literal) {
        return DatabaseLiteral.of(GoalFrequency.class, literal);
    }
}
