package com.myagents.plant.status;

/** Whether a subscription runs ({@code subscriptions.status}: its constants are the CHECK constraint's list). */
public enum SubscriptionStatus implements DatabaseLiteral {
    ACTIVE("active"),
    CANCELLED("cancelled"),
    ENDED("ended");

    private final String literal;

    SubscriptionStatus(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static SubscriptionStatus of(String literal) {
        return DatabaseLiteral.of(SubscriptionStatus.class, literal);
    }
}
