package com.myagents.contracts.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why enforcement decided what it decided, or why the goal runner skipped a goal run. The codes are
 * the contract auditors read on the denials topic and operators see in PP: add codes, never rename one.
 */
public enum ReasonCode {
    ALLOWED("allowed"),
    MALFORMED_REQUEST("malformed_request"),
    UNKNOWN_ACTION("unknown_action"),
    APPROVAL_MISSING("approval_missing"),
    APPROVAL_NOT_FOUND("approval_not_found"),
    APPROVAL_MISMATCH("approval_mismatch"),
    APPROVAL_REJECTED("approval_rejected"),
    APPROVAL_EXPIRED("approval_expired"),
    PAYLOAD_CHANGED("payload_changed"),
    ALREADY_EXECUTED("already_executed"),
    ACTION_NOT_PROPOSED("action_not_proposed"),
    SUBSCRIPTION_UNKNOWN("subscription_unknown"),
    SUBSCRIPTION_INACTIVE("subscription_inactive"),
    TRIAL_ENDED("trial_ended"),
    TRIAL_CAP_EXCEEDED("trial_cap_exceeded"),
    TRIAL_ACTION_NOT_ALLOWED("trial_action_not_allowed"),
    BUDGET_EXCEEDED("budget_exceeded"),
    RISK_CHECK_FAILED("risk_check_failed"),
    SIGNATURE_INVALID("signature_invalid"),
    // Why the goal runner skipped a goal run (a goal-run decision with outcome skip); trial_ended,
    // subscription_inactive above are used for skips too.
    /** The instance was never finalized: its trial has not started. */
    NOT_FINALIZED("not_finalized"),
    /** The instance's configuration is incomplete. */
    NOT_CONFIGURED("not_configured"),
    GOAL_DISABLED("goal_disabled"),
    /** A subscription without a trial (the customer used it already) that is not on a paid plan. */
    NOT_ELIGIBLE("not_eligible"),
    /** The goal's settings, template or schedule cannot make a run. */
    SETTINGS_INVALID("settings_invalid");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReasonCode fromCode(String code) {
        for (ReasonCode reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown reason code: " + code);
    }
}
