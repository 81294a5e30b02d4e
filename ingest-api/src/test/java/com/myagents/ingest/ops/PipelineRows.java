package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_RESULTS;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;

import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.serde.EventJson;

/** Writes decisions, denials and results exactly as plant-store's materializer does from their topics. */
final class PipelineRows {

    private PipelineRows() {
    }

    static void decision(DSLContext db, ExecutionDecision d) {
        db.insertInto(EXECUTION_DECISIONS)
                .set(EXECUTION_DECISIONS.DECISION_ID, UUID.fromString(d.decisionId()))
                .set(EXECUTION_DECISIONS.CORRELATION_ID, d.correlationId())
                .set(EXECUTION_DECISIONS.DELIVERABLE_ID, d.deliverableId())
                .set(EXECUTION_DECISIONS.SUBSCRIPTION_ID, d.subscriptionId())
                .set(EXECUTION_DECISIONS.CUSTOMER_ID, d.customerId())
                .set(EXECUTION_DECISIONS.ACTION, d.action())
                .set(EXECUTION_DECISIONS.APPROVAL_ID, d.approvalId())
                .set(EXECUTION_DECISIONS.OUTCOME, d.outcome().code())
                .set(EXECUTION_DECISIONS.REASON, d.reason().code())
                .set(EXECUTION_DECISIONS.DETAIL, d.detail())
                .set(EXECUTION_DECISIONS.CHECKS, json(d.checks()))
                .set(EXECUTION_DECISIONS.INPUTS, json(d.inputs()))
                .set(EXECUTION_DECISIONS.POLICY_VERSION, d.policyVersion())
                .set(EXECUTION_DECISIONS.DECIDED_AT, d.decidedAt().atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        db.update(EXECUTION_REQUESTS)
                .set(EXECUTION_REQUESTS.STATUS, d.allowed() ? "allowed" : "denied")
                .set(EXECUTION_REQUESTS.DECIDED_AT, d.decidedAt().atOffset(ZoneOffset.UTC))
                .where(EXECUTION_REQUESTS.CORRELATION_ID.eq(d.correlationId()))
                .execute();
        if (!d.allowed()) {
            EnforcementDenial denial = EnforcementDenial.of(d);
            db.insertInto(ENFORCEMENT_DENIALS)
                    .set(ENFORCEMENT_DENIALS.DENIAL_ID, UUID.fromString(denial.denialId()))
                    .set(ENFORCEMENT_DENIALS.CORRELATION_ID, denial.correlationId())
                    .set(ENFORCEMENT_DENIALS.SUBSCRIPTION_ID, denial.subscriptionId())
                    .set(ENFORCEMENT_DENIALS.CUSTOMER_ID, denial.customerId())
                    .set(ENFORCEMENT_DENIALS.DELIVERABLE_ID, denial.deliverableId())
                    .set(ENFORCEMENT_DENIALS.ACTION, denial.action())
                    .set(ENFORCEMENT_DENIALS.REASON, denial.reason().code())
                    .set(ENFORCEMENT_DENIALS.DETAIL, denial.detail())
                    .set(ENFORCEMENT_DENIALS.INPUTS, json(denial.inputs()))
                    .set(ENFORCEMENT_DENIALS.POLICY_VERSION, denial.policyVersion())
                    .set(ENFORCEMENT_DENIALS.DENIED_AT, denial.deniedAt().atOffset(ZoneOffset.UTC))
                    .onConflictDoNothing()
                    .execute();
        }
    }

    static void result(DSLContext db, ExecutionResult r) {
        db.insertInto(EXECUTION_RESULTS)
                .set(EXECUTION_RESULTS.RESULT_ID, UUID.fromString(r.resultId()))
                .set(EXECUTION_RESULTS.COMMAND_ID, r.commandId())
                .set(EXECUTION_RESULTS.CORRELATION_ID, r.correlationId())
                .set(EXECUTION_RESULTS.DELIVERABLE_ID, r.deliverableId())
                .set(EXECUTION_RESULTS.SUBSCRIPTION_ID, r.subscriptionId())
                .set(EXECUTION_RESULTS.STATUS, r.status().code())
                .set(EXECUTION_RESULTS.EXTERNAL_ID, r.externalId())
                .set(EXECUTION_RESULTS.IDEMPOTENCY_KEY, r.idempotencyKey())
                .set(EXECUTION_RESULTS.COST_MINOR, r.costMinor())
                .set(EXECUTION_RESULTS.DETAIL, r.detail())
                .set(EXECUTION_RESULTS.COMPLETED_AT, r.completedAt().atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }

    private static JSONB json(Object value) {
        return JSONB.valueOf(EventJson.MAPPER.writeValueAsString(value == null ? Map.of() : value));
    }
}
