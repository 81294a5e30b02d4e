package com.myagents.ingest.subscriptions;

import java.time.Instant;
import java.util.UUID;

import org.jooq.DSLContext;

/**
 * Where plan changes are billed. The local default ({@link RecordedBilling}) records them in
 * PostgreSQL in the caller's transaction; a card processor would charge from the same events.
 */
public interface BillingProvider {

    /** What happened to a subscription's plan, as billing needs to know it. */
    record PlanChange(UUID subscriptionId, UUID customerId, Kind kind, Long budgetMinorPerMonth, String currency,
            Instant at) {
    }

    enum Kind {
        PLAN_STARTED, BUDGET_CHANGED, CANCELLED, TRIAL_EXTENDED;

        public String code() {
            return name().toLowerCase();
        }
    }

    /** Records the change; returns the provider's reference for it. */
    String record(DSLContext tx, PlanChange change);
}
