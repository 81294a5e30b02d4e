package com.myagents.enforcement.policy;

/**
 * The policy enforcement applies. Its version goes on every decision and denial so an auditor can
 * tell which rules decided; change it whenever a rule, its order or its meaning changes.
 */
public final class EnforcementPolicy {

    /** Approvals (issue 6), subscription status and trial window, action and daily cap. */
    public static final String VERSION = "enforcement-2026-11.2";

    private EnforcementPolicy() {
    }
}
