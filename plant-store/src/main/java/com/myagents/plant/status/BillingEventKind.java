package com.myagents.plant.status;

/** What the billing provider was told ({@code billing_events.kind}: its constants are the CHECK constraint's list). */
public enum BillingEventKind implements DatabaseLiteral {
    PLAN_STARTED("plan_started"),
    BUDGET_CHANGED("budget_changed"),
    CANCELLED("cancelled"),
    TRIAL_EXTENDED("trial_extended");

    private final String literal;

    BillingEventKind(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static BillingEventKind of(String literal) {
        return DatabaseLiteral.of(BillingEventKind.class, literal);
    }
}
