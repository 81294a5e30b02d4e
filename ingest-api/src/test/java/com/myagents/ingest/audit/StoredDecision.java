package com.myagents.ingest.audit;

import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * A decision as the materializer stores enforcement's, and its denial (same id) when it denies:
 * the rows the audit lists and exports read. Null parts are left null.
 */
record StoredDecision(String correlationId, String deliverableId, String subscriptionId, String customerId,
                      String outcome, String reason, String decisionDetail, String denialDetail, JSONB checks,
                      JSONB inputs, String policyVersion, OffsetDateTime at) {

    /** @return the correlation id */
    String insert(DSLContext db) {
        UUID id = UUID.randomUUID();
        db.insertInto(EXECUTION_DECISIONS)
                .set(EXECUTION_DECISIONS.DECISION_ID, id)
                .set(EXECUTION_DECISIONS.CORRELATION_ID, correlationId)
                .set(EXECUTION_DECISIONS.DELIVERABLE_ID, deliverableId)
                .set(EXECUTION_DECISIONS.SUBSCRIPTION_ID, subscriptionId)
                .set(EXECUTION_DECISIONS.CUSTOMER_ID, customerId)
                .set(EXECUTION_DECISIONS.ACTION, "publish")
                .set(EXECUTION_DECISIONS.OUTCOME, outcome)
                .set(EXECUTION_DECISIONS.REASON, reason)
                .set(EXECUTION_DECISIONS.DETAIL, decisionDetail)
                .set(EXECUTION_DECISIONS.CHECKS, checks)
                .set(EXECUTION_DECISIONS.INPUTS, inputs)
                .set(EXECUTION_DECISIONS.POLICY_VERSION, policyVersion)
                .set(EXECUTION_DECISIONS.DECIDED_AT, at)
                .execute();
        if (outcome.equals("deny")) {
            db.insertInto(ENFORCEMENT_DENIALS)
                    .set(ENFORCEMENT_DENIALS.DENIAL_ID, id)
                    .set(ENFORCEMENT_DENIALS.CORRELATION_ID, correlationId)
                    .set(ENFORCEMENT_DENIALS.SUBSCRIPTION_ID, subscriptionId)
                    .set(ENFORCEMENT_DENIALS.CUSTOMER_ID, customerId)
                    .set(ENFORCEMENT_DENIALS.ACTION, "publish")
                    .set(ENFORCEMENT_DENIALS.REASON, reason)
                    .set(ENFORCEMENT_DENIALS.DETAIL, denialDetail)
                    .set(ENFORCEMENT_DENIALS.INPUTS, inputs)
                    .set(ENFORCEMENT_DENIALS.POLICY_VERSION, policyVersion)
                    .set(ENFORCEMENT_DENIALS.DENIED_AT, at)
                    .execute();
        }
        return correlationId;
    }
}
