package com.myagents.ingest.execution;

import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;
import com.myagents.plant.status.DeliverableState;


/**
 * Turns an execute call into an {@link ExecutionRequest} (a row and an outbox event, one
 * transaction) and waits, bounded, for enforcement's decision. It checks only what it must to
 * keep tenants apart (the deliverable exists and is the caller's); every policy is the stream's.
 */
public class ExecutionService {

    private final DSLContext db;
    private final ExecutionRequests requests;
    private final DecisionWaiter decisions;
    private final Duration decisionWait;
    private final Clock clock;

    public ExecutionService(DSLContext db, ExecutionRequests requests, DecisionWaiter decisions, Duration decisionWait,
                            Clock clock) {
        this.db = db;
        this.requests = requests;
        this.decisions = decisions;
        this.decisionWait = decisionWait;
        this.clock = clock;
    }

    public ExecutionOutcome execute(Principal caller, UUID deliverableId, ExecuteRequest body, String correlationId) {
        DeliverablesRecord deliverable = ownedDeliverable(caller, deliverableId);
        if (deliverable.getState() == DeliverableState.SUPERSEDED) {
            throw ApiProblem.conflict("deliverable " + deliverableId + " was superseded by a post written again; "
                    + "review and publish the new draft");
        }
        if (body.manual() != null) {
            ManualPublishing.requirePost(deliverable);
        }
        try (DecisionWaiter.Registration waiter = decisions.register(correlationId)) {
            // Written first, looked up only when that writes nothing: a first call (the usual one)
            // costs no query for an earlier attempt; the insert's ON CONFLICT is the retry check.
            boolean written = db.transactionResult(tx -> requests.submit(DSL.using(tx), deliverable, correlationId,
                    body.action(), body.approvalId(), caller.id(), clock.instant(), body.manual()));
            if (!written) {
                // a retry, or a concurrent call under the same correlation id won the race: answer as its retry
                return earlierAttempt(caller, deliverableId, correlationId).orElseThrow();
            }
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

    /**
     * Only the columns an execute reads (its request row and event): the draft's timestamps and
     * goal columns are neither fetched nor converted on every call.
     */
    private DeliverablesRecord ownedDeliverable(Principal caller, UUID deliverableId) {
        return db.select(DELIVERABLES.DELIVERABLE_ID, DELIVERABLES.SUBSCRIPTION_ID, DELIVERABLES.CUSTOMER_ID,
                        DELIVERABLES.HIRED_INSTANCE_ID, DELIVERABLES.STATE, DELIVERABLES.PAYLOAD,
                        DELIVERABLES.PROPOSED_ACTIONS, DELIVERABLES.PAYLOAD_HASH)
                .from(DELIVERABLES)
                .where(DELIVERABLES.DELIVERABLE_ID.eq(deliverableId))
                .and(DELIVERABLES.CUSTOMER_ID.eq(customerId(caller)))
                .fetchOptionalInto(DELIVERABLES)
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

    private static UUID customerId(Principal caller) {
        if (caller.kind() != Principal.Kind.CUSTOMER) {
            // Operators look, they do not act for customers: nothing of a customer's is "theirs".
            return new UUID(0, 0);
        }
        return UUID.fromString(caller.id());
    }
}
