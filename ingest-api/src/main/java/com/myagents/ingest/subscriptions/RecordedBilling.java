package com.myagents.ingest.subscriptions;

import static com.myagents.plant.jooq.generated.Tables.BILLING_EVENTS;

import java.time.ZoneOffset;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The local billing provider: no card processor, every plan change a row of {@code billing_events}. */
@Component
class RecordedBilling implements BillingProvider {

    static final String PROVIDER = "local";

    @Override
    public String record(DSLContext tx, PlanChange change) {
        UUID id = UUID.randomUUID();
        tx.insertInto(BILLING_EVENTS)
                .set(BILLING_EVENTS.BILLING_EVENT_ID, id)
                .set(BILLING_EVENTS.SUBSCRIPTION_ID, change.subscriptionId())
                .set(BILLING_EVENTS.CUSTOMER_ID, change.customerId())
                .set(BILLING_EVENTS.KIND, change.kind())
                .set(BILLING_EVENTS.BUDGET_MINOR_PER_MONTH, change.budgetMinorPerMonth())
                .set(BILLING_EVENTS.CURRENCY, change.currency())
                .set(BILLING_EVENTS.PROVIDER, PROVIDER)
                .set(BILLING_EVENTS.PROVIDER_REFERENCE, "local-" + id)
                .set(BILLING_EVENTS.RECORDED_AT, change.at().atOffset(ZoneOffset.UTC))
                .execute();
        return "local-" + id;
    }
}
