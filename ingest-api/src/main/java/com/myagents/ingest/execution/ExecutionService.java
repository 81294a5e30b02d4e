package com.myagents.ingest.execution;

import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.serde.EventJson;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;
import com.myagents.plant.outbox.OutboxWriter;

import tools.jackson.core.type.TypeReference;

/**
 * Turns an execute call into an {@link ExecutionRequest} (a row and an outbox event, one
 * transaction) and waits, bounded, for enforcement's decision. It checks only what it must to
 * keep tenants apart (the deliverable exists and is the caller's); every policy is the stream's.
 */
public class ExecutionService {

    private final DSLContext db;
    private final OutboxWriter outbox;
    private final DecisionWaiter decisions;
    private final Duration decisionWait;
    private final Clock clock;

    public ExecutionService(DSLContext db, OutboxWriter outbox, DecisionWaiter decisions, Duration decisionWait, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.decisions = decisions;
        this.decisionWait = decisionWait;
        this.clock = clock;
    }

    public ExecutionOutcome execute(Principal caller, UUID deliverableId, ExecuteRequest body, String correlationId) {
        DeliverablesRecord deliverable = ownedDeliverable(caller, deliverableId);
        Optional<ExecutionOutcome> retry = earlierAttempt(caller, deliverableId, correlationId);
        if (retry.isPresent()) {
            return retry.get();
        }
        ExecutionRequest request = new ExecutionRequest(correlationId, deliverableId.toString(),
                deliverable.getSubscriptionId().toString(), caller.id(), deliverable.getHiredInstanceId().toString(),
                body.action() != null ? body.action() : firstProposedAction(deliverable),
                body.approvalId(), deliverable.getPayloadHash(), caller.id(), clock.instant(),
                EventJson.MAPPER.readValue(deliverable.getPayload().data(), new TypeReference<Map<String, Object>>() { }));
        try (DecisionWaiter.Registration waiter = decisions.register(correlationId)) {
            db.transaction(tx -> {
                DSLContext t = DSL.using(tx);
                t.insertInto(EXECUTION_REQUESTS)
                        .set(EXECUTION_REQUESTS.CORRELATION_ID, correlationId)
                        .set(EXECUTION_REQUESTS.DELIVERABLE_ID, deliverableId)
                        .set(EXECUTION_REQUESTS.SUBSCRIPTION_ID, deliverable.getSubscriptionId())
                        .set(EXECUTION_REQUESTS.CUSTOMER_ID, deliverable.getCustomerId())
                        .set(EXECUTION_REQUESTS.HIRED_INSTANCE_ID, deliverable.getHiredInstanceId())
                        .set(EXECUTION_REQUESTS.ACTION, request.action())
                        .set(EXECUTION_REQUESTS.APPROVAL_ID, request.approvalId())
                        .set(EXECUTION_REQUESTS.REQUESTED_BY, caller.id())
                        .set(EXECUTION_REQUESTS.REQUESTED_AT, OffsetDateTime.now(clock))
                        .set(EXECUTION_REQUESTS.STATUS, "pending")
                        .execute();
                outbox.append(t, Topics.EXECUTION_REQUESTS, request.deliverableId(), request);
            });
            ExecutionDecision decision = waiter.await(decisionWait);
            return decision == null
                    ? new ExecutionOutcome.Pending(correlationId)
                    : new ExecutionOutcome.Decided(correlationId, decision);
        }
    }

    /** The decision for an earlier request of the caller, as materialized from the decisions topic. */
    public ExecutionOutcome status(Principal caller, String correlationId) {
        var request = db.selectFrom(EXECUTION_REQUESTS)
                .where(EXECUTION_REQUESTS.CORRELATION_ID.eq(correlationId))
                .and(EXECUTION_REQUESTS.CUSTOMER_ID.eq(customerId(caller)))
                .fetchOptional()
                .orElseThrow(() -> ApiProblem.notFound("execution " + correlationId));
        return storedDecision(request.getCorrelationId())
                .<ExecutionOutcome>map(d -> new ExecutionOutcome.Decided(correlationId, d))
                .orElse(new ExecutionOutcome.Pending(correlationId));
    }

    private DeliverablesRecord ownedDeliverable(Principal caller, UUID deliverableId) {
        return db.selectFrom(DELIVERABLES)
                .where(DELIVERABLES.DELIVERABLE_ID.eq(deliverableId))
                .and(DELIVERABLES.CUSTOMER_ID.eq(customerId(caller)))
                .fetchOptional()
                .orElseThrow(() -> ApiProblem.notFound("deliverable " + deliverableId));
    }

    /**
     * A correlation id names one request: sent again for the same deliverable it is a retry and
     * gets the first answer; for anything else it is a conflict.
     */
    private Optional<ExecutionOutcome> earlierAttempt(Principal caller, UUID deliverableId, String correlationId) {
        var earlier = db.selectFrom(EXECUTION_REQUESTS)
                .where(EXECUTION_REQUESTS.CORRELATION_ID.eq(correlationId))
                .fetchOptional();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().getDeliverableId().equals(deliverableId)
                || !earlier.get().getCustomerId().equals(customerId(caller))) {
            throw ApiProblem.conflict("correlation id " + correlationId + " already names another request");
        }
        return Optional.of(status(caller, correlationId));
    }

    private Optional<ExecutionDecision> storedDecision(String correlationId) {
        return db.selectFrom(EXECUTION_DECISIONS)
                .where(EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId))
                .fetchOptional()
                .map(StoredDecisions::toEvent);
    }

    private static String firstProposedAction(DeliverablesRecord deliverable) {
        List<String> actions = EventJson.MAPPER.readValue(deliverable.getProposedActions().data(),
                new TypeReference<List<String>>() { });
        return actions.isEmpty() ? null : actions.get(0);
    }

    private static UUID customerId(Principal caller) {
        if (caller.kind() != Principal.Kind.CUSTOMER) {
            // Operators look, they do not act for customers: nothing of a customer's is "theirs".
            return new UUID(0, 0);
        }
        return UUID.fromString(caller.id());
    }
}
