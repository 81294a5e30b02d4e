package com.myagents.contracts.execution;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.myagents.contracts.OpenCode;

/** What a connector did with a command. {@code cost_minor} settles the budget reservation. */
public record ExecutionResult(
        String resultId,
        String commandId,
        String correlationId,
        String deliverableId,
        String subscriptionId,
        Status status,
        String externalId,
        String idempotencyKey,
        long costMinor,
        String detail,
        Instant completedAt) {

    /**
     * How the action ended, on the wire as a lower-case code. {@code executed_manually}: the
     * customer published the approved post by hand and said so; no connector called the platform,
     * but the post is out (it counts and settles like executed).
     *
     * <p>An {@link OpenCode}, like {@link ReasonCode}: a status a newer connector writes is kept
     * as written ({@link #known()} is false) and passed on, never refused; a reader that does not
     * know it assumes nothing happened and leaves what it derives from a status as it was.
     */
    public static final class Status extends OpenCode {

        public static final Status EXECUTED = new Status("executed");
        public static final Status FAILED = new Status("failed");
        public static final Status DRY_RUN = new Status("dry_run");
        public static final Status EXECUTED_MANUALLY = new Status("executed_manually");

        /** The statuses this build knows, in the order they were introduced. */
        public static final Known<Status> KNOWN = new Known<>(Status.class, Status::new, EXECUTED, FAILED, DRY_RUN,
                EXECUTED_MANUALLY);

        public Status(String code) {
            super(code, "a result status");
        }

        /** The known constant itself for a known code (so {@code ==} holds), a new status carrying any other, null for null. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Status fromCode(String code) {
            return KNOWN.fromCode(code);
        }

        /** True when the side effect happened (by a connector or by the customer's own hand); never for an unknown status. */
        public boolean happened() {
            return EXECUTED.equals(this) || EXECUTED_MANUALLY.equals(this);
        }
    }
}
