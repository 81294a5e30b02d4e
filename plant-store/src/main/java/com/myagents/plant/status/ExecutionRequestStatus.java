package com.myagents.plant.status;

/** Where a request to execute a deliverable's action is ({@code execution_requests.status}: its constants are the CHECK constraint's list). */
public enum ExecutionRequestStatus implements DatabaseLiteral {
    PENDING("pending"),
    ALLOWED("allowed"),
    DENIED("denied"),
    EXECUTED("executed"),
    FAILED("failed"),
    DRY_RUN("dry_run");

    private final String literal;

    ExecutionRequestStatus(String literal) {
        this.literal = literal;
    }

    @Override
    public String literal() {
        return literal;
    }

    public static ExecutionRequestStatus of(String literal) {
        return DatabaseLiteral.of(ExecutionRequestStatus.class, literal);
    }
}
