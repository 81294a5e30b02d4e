package com.myagents.enforcement.policy;

/**
 * The policy enforcement applies. Its version goes on every decision and denial so an auditor can
 * tell which rules decided; change it whenever a rule, its order or its meaning changes.
 */
public final class EnforcementPolicy {

    /**
     * Approvals, subscription status and trial window, approval lifetime from the pinned
     * definition, trial action for real or as a dry run (free, counted), trading risk against the
     * current configuration, priced reservations within trial caps (count and cost) or the paid
     * budget, settled by connector results; metered goal runs; market orders priced at their plan's
     * recorded mark price. Since 2026-12.1 every decision records all the rules read (proposed
     * actions, payload digest, order, prices, ledger before, risk configuration as values), so it
     * can be re-decided from its record. (2026-11.3: without approval lifetimes, dry-run actions and
     * complete inputs.)
     */
    public static final String VERSION = "enforcement-2026-12.1";

    private EnforcementPolicy() {
    }
}
