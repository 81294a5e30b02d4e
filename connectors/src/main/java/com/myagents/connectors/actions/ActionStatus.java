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

    public static ActionStatus of(Status status) {
        return switch (status) {
            case EXECUTED -> EXECUTED;
            case FAILED -> FAILED;
            case DRY_RUN -> DRY_RUN;
            case EXECUTED_MANUALLY -> EXECUTED_MANUALLY;
        };
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
