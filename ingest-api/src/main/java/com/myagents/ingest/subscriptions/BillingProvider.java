package com.myagents.ingest.subscriptions;

import java.time.Instant;
import java.util.UUID;

import org.jooq.DSLContext;

import com.myagents.plant.status.BillingEventKind;

/**
 * Where plan changes are billed. The local default ({@link RecordedBilling}) records them in
 * PostgreSQL in the caller's transaction; a card processor would charge from the same events.
 */
public interface BillingProvider {

    /** What happened to a subscription's plan, as billing needs to know it. */
    record PlanChange(UUID subscriptionId, UUID customerId, BillingEventKind kind, Long budgetMinorPerMonth, String currency,
            Instant at) {
    }

    /** Records the change; returns the provider's reference for it. */
    String record(DSLContext tx, PlanChange change);
}
