package com.myagents.plant.status;

/** Where a subscription's trial is ({@code subscriptions.trial_status}: its constants are the CHECK constraint's list). */
public enum TrialStatus implements DatabaseLiteral {
    NOT_STARTED("not_started"),
    ACTIVE("active"),
    ENDED_CONVERTED("ended_converted"),
    ENDED_NOT_CONVERTED("ended_not_converted"),
    NOT_ELIGIBLE("not_eligible");

    private final String literal;

    TrialStatus(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static TrialStatus of(String literal) {
        return DatabaseLiteral.of(TrialStatus.class, literal);
    }
}
