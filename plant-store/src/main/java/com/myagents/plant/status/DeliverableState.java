package com.myagents.plant.status;

/** Where a deliverable is between its draft and its execution ({@code deliverables.state}: its constants are the CHECK constraint's list). */
public enum DeliverableState implements DatabaseLiteral {
    DRAFT("draft"),
    PENDING_REVIEW("pending_review"),
    APPROVED("approved"),
    REJECTED("rejected"),
    SCHEDULED("scheduled"),
    EXECUTED("executed"),
    FAILED("failed"),
    DRY_RUN("dry_run"),
    SUPERSEDED("superseded");

    private final String literal;

    DeliverableState(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static DeliverableState of(String literal) {
        return DatabaseLiteral.of(DeliverableState.class, literal);
    }
}
