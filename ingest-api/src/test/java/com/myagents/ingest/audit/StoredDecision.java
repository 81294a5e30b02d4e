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

    /**
     * Every column named as one of this record's parts (correlation_id, reason, inputs…) is taken
     * from it by name; the rest is set here. The denial is stored as the materializer stores one,
     * with the decision's deliverable.
     *
     * @return the correlation id
     */
    String insert(DSLContext db) {
        UUID id = UUID.randomUUID();
        db.newRecord(EXECUTION_DECISIONS, this)
                .setDecisionId(id).setAction("publish").setDetail(decisionDetail).setDecidedAt(at)
                .insert();
        if (outcome.equals("deny")) {
            db.newRecord(ENFORCEMENT_DENIALS, this)
                    .setDenialId(id).setAction("publish").setDetail(denialDetail).setDeniedAt(at)
                    .insert();
        }
        return correlationId;
    }
}
