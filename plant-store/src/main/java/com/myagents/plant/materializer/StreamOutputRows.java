package com.myagents.plant.materializer;

import static com.myagents.plant.jooq.generated.Tables.ACCESS_RECORDS;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_COMMANDS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_RESULTS;
import static com.myagents.plant.materializer.RowValues.at;
import static com.myagents.plant.materializer.RowValues.json;
import static com.myagents.plant.materializer.RowValues.uuidOrNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.plant.status.DeliverableState;
import com.myagents.plant.status.ExecutionRequestStatus;

/**
 * Writes enforcement's and the connectors' outputs (decisions, denials, commands, results) and the
 * access records into Plant's tables; {@link GoalRunRows} writes drafts and goal runs. Every write
 * is keyed by the event's own id and conditional, so applying the same event twice changes
 * nothing, and a state only ever moves forward (a result never moves an executed deliverable back).
 */
class StreamOutputRows {

    void recordDecision(DSLContext tx, ExecutionDecision decision) {
        tx.insertInto(EXECUTION_DECISIONS)
                .set(EXECUTION_DECISIONS.DECISION_ID, UUID.fromString(decision.decisionId()))
                .set(EXECUTION_DECISIONS.CORRELATION_ID, decision.correlationId())
                .set(EXECUTION_DECISIONS.DELIVERABLE_ID, decision.deliverableId())
                .set(EXECUTION_DECISIONS.SUBSCRIPTION_ID, decision.subscriptionId())
                .set(EXECUTION_DECISIONS.CUSTOMER_ID, decision.customerId())
                .set(EXECUTION_DECISIONS.ACTION, decision.action())
                .set(EXECUTION_DECISIONS.APPROVAL_ID, decision.approvalId())
                .set(EXECUTION_DECISIONS.OUTCOME, decision.outcome().code())
                .set(EXECUTION_DECISIONS.REASON, decision.reason().code())
                .set(EXECUTION_DECISIONS.DETAIL, decision.detail())
                .set(EXECUTION_DECISIONS.CHECKS, json(decision.checks() == null ? List.of() : decision.checks()))
                .set(EXECUTION_DECISIONS.INPUTS, json(decision.inputs() == null ? Map.of() : decision.inputs()))
                .set(EXECUTION_DECISIONS.POLICY_VERSION, decision.policyVersion())
                .set(EXECUTION_DECISIONS.EXECUTION_MODE, decision.mode() == null ? "live" : decision.mode().code())
                .set(EXECUTION_DECISIONS.DECIDED_AT, at(decision.decidedAt()))
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Topics are read independently: the connector's result may have moved the request on already,
     * so the status only moves forward, but the decision time is always recorded.
     */
    void decideRequest(DSLContext tx, ExecutionDecision decision) {
        tx.update(EXECUTION_REQUESTS)
                .set(EXECUTION_REQUESTS.STATUS, DSL.when(EXECUTION_REQUESTS.STATUS.eq(ExecutionRequestStatus.PENDING),
                        DSL.inline(decision.allowed() ? ExecutionRequestStatus.ALLOWED : ExecutionRequestStatus.DENIED,
                                EXECUTION_REQUESTS.STATUS)).otherwise(EXECUTION_REQUESTS.STATUS))
                .set(EXECUTION_REQUESTS.DECIDED_AT, at(decision.decidedAt()))
                .where(EXECUTION_REQUESTS.CORRELATION_ID.eq(decision.correlationId()))
                .and(EXECUTION_REQUESTS.DECIDED_AT.isNull())
                .execute();
    }

    void recordDenial(DSLContext tx, EnforcementDenial denial) {
        tx.insertInto(ENFORCEMENT_DENIALS)
                .set(ENFORCEMENT_DENIALS.DENIAL_ID, UUID.fromString(denial.denialId()))
                .set(ENFORCEMENT_DENIALS.CORRELATION_ID, denial.correlationId())
                .set(ENFORCEMENT_DENIALS.SUBSCRIPTION_ID, denial.subscriptionId())
                .set(ENFORCEMENT_DENIALS.CUSTOMER_ID, denial.customerId())
                .set(ENFORCEMENT_DENIALS.DELIVERABLE_ID, denial.deliverableId())
                .set(ENFORCEMENT_DENIALS.ACTION, denial.action())
                .set(ENFORCEMENT_DENIALS.REASON, denial.reason().code())
                .set(ENFORCEMENT_DENIALS.DETAIL, denial.detail())
                .set(ENFORCEMENT_DENIALS.INPUTS, json(denial.inputs() == null ? Map.of() : denial.inputs()))
                .set(ENFORCEMENT_DENIALS.POLICY_VERSION, denial.policyVersion())
                .set(ENFORCEMENT_DENIALS.DENIED_AT, at(denial.deniedAt()))
                .onConflictDoNothing()
                .execute();
    }

    void recordResult(DSLContext tx, ExecutionResult result) {
        tx.insertInto(EXECUTION_RESULTS)
                .set(EXECUTION_RESULTS.RESULT_ID, UUID.fromString(result.resultId()))
                .set(EXECUTION_RESULTS.COMMAND_ID, result.commandId())
                .set(EXECUTION_RESULTS.CORRELATION_ID, result.correlationId())
                .set(EXECUTION_RESULTS.DELIVERABLE_ID, result.deliverableId())
                .set(EXECUTION_RESULTS.SUBSCRIPTION_ID, result.subscriptionId())
                .set(EXECUTION_RESULTS.STATUS, result.status().code())
                .set(EXECUTION_RESULTS.EXTERNAL_ID, result.externalId())
                .set(EXECUTION_RESULTS.IDEMPOTENCY_KEY, result.idempotencyKey())
                .set(EXECUTION_RESULTS.COST_MINOR, result.costMinor())
                .set(EXECUTION_RESULTS.DETAIL, result.detail())
                .set(EXECUTION_RESULTS.COMPLETED_AT, at(result.completedAt()))
                .onConflictDoNothing()
                .execute();
    }

    /**
     * A dry run did not act: the deliverable says so ("dry_run"), never "executed". A status a newer
     * connector wrote: the result is stored as written, and what it means for the deliverable and
     * the request is left for a build that knows it.
     */
    void moveDeliverable(DSLContext tx, ExecutionResult result) {
        ResultOutcome outcome = ResultOutcome.of(result.status());
        UUID deliverableId = uuidOrNull(result.deliverableId());
        if (outcome != null && deliverableId != null) {
            tx.update(DELIVERABLES)
                    .set(DELIVERABLES.STATE, outcome.deliverable())
                    .set(DELIVERABLES.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(DELIVERABLES.DELIVERABLE_ID.eq(deliverableId))
                    .and(DELIVERABLES.STATE.ne(DeliverableState.EXECUTED))
                    .and(DELIVERABLES.STATE.ne(outcome.deliverable()))
                    .execute();
        }
    }

    /** The request moves with its result, forward only (see {@link #moveDeliverable}). */
    void moveRequest(DSLContext tx, ExecutionResult result) {
        ResultOutcome outcome = ResultOutcome.of(result.status());
        if (outcome == null) {
            return;
        }
        tx.update(EXECUTION_REQUESTS)
                .set(EXECUTION_REQUESTS.STATUS, outcome.request())
                .where(EXECUTION_REQUESTS.CORRELATION_ID.eq(result.correlationId()))
                .and(EXECUTION_REQUESTS.STATUS.in(ExecutionRequestStatus.PENDING, ExecutionRequestStatus.ALLOWED,
                        ExecutionRequestStatus.FAILED))
                .and(EXECUTION_REQUESTS.STATUS.ne(outcome.request()))
                .execute();
    }

    /** What a result status makes of its deliverable and of its request (the same word in both columns). */
    record ResultOutcome(DeliverableState deliverable, ExecutionRequestStatus request) {
        static final ResultOutcome EXECUTED = new ResultOutcome(DeliverableState.EXECUTED, ExecutionRequestStatus.EXECUTED);
        static final ResultOutcome DRY_RUN = new ResultOutcome(DeliverableState.DRY_RUN, ExecutionRequestStatus.DRY_RUN);
        static final ResultOutcome FAILED = new ResultOutcome(DeliverableState.FAILED, ExecutionRequestStatus.FAILED);

        /** Null for a status this build does not know. */
        static ResultOutcome of(ExecutionResult.Status status) {
            if (status == null || !status.known()) {
                return null;
            }
            if (status.happened()) {
                return EXECUTED;
            }
            return ExecutionResult.Status.DRY_RUN.equals(status) ? DRY_RUN : FAILED;
        }
    }

    void recordAccess(DSLContext tx, AccessRecord access) {
        Instant completed = access.completedAt() != null ? access.completedAt() : access.receivedAt();
        tx.insertInto(ACCESS_RECORDS)
                .set(ACCESS_RECORDS.RECORD_ID, UUID.fromString(access.recordId()))
                .set(ACCESS_RECORDS.CORRELATION_ID, access.correlationId())
                .set(ACCESS_RECORDS.SERVICE, access.service() == null ? "unknown" : access.service())
                .set(ACCESS_RECORDS.CLIENT, access.client())
                .set(ACCESS_RECORDS.PRINCIPAL_ID, access.principalId())
                .set(ACCESS_RECORDS.PRINCIPAL_KIND, access.principalKind())
                .set(ACCESS_RECORDS.METHOD, access.method())
                .set(ACCESS_RECORDS.PATH, access.path())
                .set(ACCESS_RECORDS.STATUS, access.status())
                .set(ACCESS_RECORDS.DURATION_MS, access.durationMs())
                .set(ACCESS_RECORDS.RECEIVED_AT, at(access.receivedAt() != null ? access.receivedAt() : completed))
                .set(ACCESS_RECORDS.COMPLETED_AT, at(completed))
                .set(ACCESS_RECORDS.CLIENT_CORRELATION_ID, clip(access.clientCorrelationId(), 128))
                .onConflictDoNothing()
                .execute();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    void recordCommand(DSLContext tx, ExecutionCommand command) {
        tx.insertInto(EXECUTION_COMMANDS)
                .set(EXECUTION_COMMANDS.COMMAND_ID, command.commandId())
                .set(EXECUTION_COMMANDS.CORRELATION_ID, command.correlationId())
                .set(EXECUTION_COMMANDS.DECISION_ID, command.decisionId())
                .set(EXECUTION_COMMANDS.DELIVERABLE_ID, command.deliverableId())
                .set(EXECUTION_COMMANDS.SUBSCRIPTION_ID, command.subscriptionId())
                .set(EXECUTION_COMMANDS.CUSTOMER_ID, command.customerId())
                .set(EXECUTION_COMMANDS.HIRED_INSTANCE_ID, command.hiredInstanceId())
                .set(EXECUTION_COMMANDS.ACTION, command.action())
                .set(EXECUTION_COMMANDS.APPROVAL_ID, command.approvalId())
                .set(EXECUTION_COMMANDS.IDEMPOTENCY_KEY, command.idempotencyKey())
                .set(EXECUTION_COMMANDS.ISSUED_AT, at(command.issuedAt() != null ? command.issuedAt() : Instant.now()))
                .onConflictDoNothing()
                .execute();
    }

}
