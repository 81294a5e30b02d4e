package com.myagents.connectors.actions;

import java.util.Locale;

import com.myagents.contracts.execution.ExecutionResult.Status;

/** An external action's row: in flight (an attempt may be acting right now, or crashed doing so) or finished. */
public enum ActionStatus {
    IN_FLIGHT, EXECUTED, FAILED, DRY_RUN, EXECUTED_MANUALLY;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The row of a result status a connector wrote (always one this build knows: the connector is this build). */
    public static ActionStatus of(Status status) {
        return fromDb(status.code());
    }

    public Status resultStatus() {
        return switch (this) {
            case EXECUTED -> Status.EXECUTED;
            case FAILED -> Status.FAILED;
            case DRY_RUN -> Status.DRY_RUN;
            case EXECUTED_MANUALLY -> Status.EXECUTED_MANUALLY;
            case IN_FLIGHT -> throw new IllegalStateException("an in-flight action has no result yet");
        };
    }
}
