package com.myagents.enforcement.stages;

/**
 * Every state store of the enforcement app, by name, in one place: the topology adds them, the
 * stages open them. A name is also its changelog topic's ({@code myagents-enforcement-<name>-changelog}),
 * so renaming one loses its state — and a store whose key moves to other partitions gets a new name
 * (the decided requests, the approvals and the awaiting requests did when requests and approvals
 * came to be keyed by subscription: their old changelogs are partitioned by deliverable).
 */
public final class EnforcementStores {

    /** deliverable_id → latest approval event, in the task of the deliverable's subscription. */
    public static final String APPROVALS = "enforcement-approvals-by-deliverable";
    /** correlation_id → wall-clock millis of its decision (in the task of the request's subscription). */
    public static final String DECIDED = "enforcement-decided-requests-by-subscription";
    /** correlation_id → a request waiting for its approval to arrive (in the task of its subscription). */
    public static final String AWAITING_APPROVAL = "enforcement-awaiting-approval-by-subscription";
    /** approval_id → the allowed request that used it. */
    public static final String USED_APPROVALS = "enforcement-used-approvals";
    /** subscription_id → latest subscription state, materialized from the subscriptions topic. */
    public static final String SUBSCRIPTIONS = "enforcement-subscriptions";
    /** subscription_id → its trial counts, spend and open reservations. */
    public static final String BUDGET_LEDGER = "enforcement-budget-ledger";
    /** hired_instance_id → the instance's current configuration (a global store: any task reads any instance). */
    public static final String INSTANCES = "enforcement-instances";
    /** run_id → the decision given for a metered goal run. */
    public static final String METERED_RUNS = "enforcement-metered-runs";

    private EnforcementStores() {
    }
}
