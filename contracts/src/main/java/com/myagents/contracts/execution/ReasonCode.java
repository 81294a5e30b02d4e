package com.myagents.contracts.execution;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.myagents.contracts.OpenCode;

/**
 * Why enforcement decided what it decided, or why the goal runner skipped a goal run. The codes are the contract auditors read on the
 * denials topic and operators see in PP: add codes, never rename one.
 *
 * <p>An {@link OpenCode}: a consumer one release behind the enforcement that wrote a record
 * must still read it, so a code this build does not know is kept as it was written
 * ({@link #known()} is false) and passed on, never refused.
 */
public final class ReasonCode extends OpenCode {

    public static final ReasonCode ALLOWED = new ReasonCode("allowed");
    public static final ReasonCode MALFORMED_REQUEST = new ReasonCode("malformed_request");
    public static final ReasonCode UNKNOWN_ACTION = new ReasonCode("unknown_action");
    public static final ReasonCode APPROVAL_MISSING = new ReasonCode("approval_missing");
    public static final ReasonCode APPROVAL_NOT_FOUND = new ReasonCode("approval_not_found");
    public static final ReasonCode APPROVAL_MISMATCH = new ReasonCode("approval_mismatch");
    public static final ReasonCode APPROVAL_REJECTED = new ReasonCode("approval_rejected");
    public static final ReasonCode APPROVAL_EXPIRED = new ReasonCode("approval_expired");
    public static final ReasonCode PAYLOAD_CHANGED = new ReasonCode("payload_changed");
    public static final ReasonCode ALREADY_EXECUTED = new ReasonCode("already_executed");
    public static final ReasonCode ACTION_NOT_PROPOSED = new ReasonCode("action_not_proposed");
    public static final ReasonCode SUBSCRIPTION_UNKNOWN = new ReasonCode("subscription_unknown");
    public static final ReasonCode SUBSCRIPTION_INACTIVE = new ReasonCode("subscription_inactive");
    public static final ReasonCode TRIAL_ENDED = new ReasonCode("trial_ended");
    public static final ReasonCode TRIAL_CAP_EXCEEDED = new ReasonCode("trial_cap_exceeded");
    public static final ReasonCode TRIAL_ACTION_NOT_ALLOWED = new ReasonCode("trial_action_not_allowed");
    public static final ReasonCode BUDGET_EXCEEDED = new ReasonCode("budget_exceeded");
    public static final ReasonCode RISK_CHECK_FAILED = new ReasonCode("risk_check_failed");
    public static final ReasonCode SIGNATURE_INVALID = new ReasonCode("signature_invalid");
    // Why the goal runner skipped a goal run (a goal-run decision with outcome skip); trial_ended and
    // subscription_inactive above are used for skips too.
    /** The instance was never finalized: its trial has not started. */
    public static final ReasonCode NOT_FINALIZED = new ReasonCode("not_finalized");
    /** The instance's configuration is incomplete. */
    public static final ReasonCode NOT_CONFIGURED = new ReasonCode("not_configured");
    public static final ReasonCode GOAL_DISABLED = new ReasonCode("goal_disabled");
    /** A subscription without a trial (the customer used it already) that is not on a paid plan. */
    public static final ReasonCode NOT_ELIGIBLE = new ReasonCode("not_eligible");
    /** The goal's settings, template or schedule cannot make a run. */
    public static final ReasonCode SETTINGS_INVALID = new ReasonCode("settings_invalid");

    private static final Known<ReasonCode> KNOWN = new Known<>(ReasonCode.class, ReasonCode::new, ALLOWED,
            MALFORMED_REQUEST, UNKNOWN_ACTION, APPROVAL_MISSING, APPROVAL_NOT_FOUND, APPROVAL_MISMATCH, APPROVAL_REJECTED,
            APPROVAL_EXPIRED, PAYLOAD_CHANGED, ALREADY_EXECUTED, ACTION_NOT_PROPOSED, SUBSCRIPTION_UNKNOWN,
            SUBSCRIPTION_INACTIVE, TRIAL_ENDED, TRIAL_CAP_EXCEEDED, TRIAL_ACTION_NOT_ALLOWED, BUDGET_EXCEEDED,
            RISK_CHECK_FAILED, SIGNATURE_INVALID, NOT_FINALIZED, NOT_CONFIGURED, GOAL_DISABLED, NOT_ELIGIBLE,
            SETTINGS_INVALID);

    public ReasonCode(String code) {
        super(code, "a reason code");
    }

    /** The codes this build knows, in the order they were introduced. */
    public static List<ReasonCode> values() {
        return KNOWN.values();
    }

    /**
     * The reason with this wire code: the known constant itself (so {@code ==} holds for known
     * codes), a new reason carrying the code when this build does not know it, null for null.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ReasonCode fromCode(String code) {
        return KNOWN.fromCode(code);
    }
}
