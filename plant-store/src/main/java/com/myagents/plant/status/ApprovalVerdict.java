package com.myagents.plant.status;

/** A review's verdict on a deliverable ({@code approvals.verdict}: its constants are the CHECK constraint's list). */
public enum ApprovalVerdict implements DatabaseLiteral {
    APPROVED("approved"),
    REJECTED("rejected"),
    VOIDED("voided");

    private final String literal;

    ApprovalVerdict(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static ApprovalVerdict of(String literal) {
        return DatabaseLiteral.of(ApprovalVerdict.class, literal);
    }
}
