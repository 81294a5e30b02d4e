package com.myagents.ingest.execution;

import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ManualPublication;
import com.myagents.contracts.serde.EventJson;
import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;
import com.myagents.plant.outbox.OutboxWriter;
import com.myagents.plant.status.ExecutionRequestStatus;

import tools.jackson.core.type.TypeReference;

/**
 * Writes one execution request — its row and its event — in the caller's transaction. The
 * correlation id is the request's identity: a second submit under the same id writes nothing.
 */
@Component
public class ExecutionRequests {

    private final OutboxWriter outbox;

    ExecutionRequests(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** {@code true} when written, {@code false} when a request with this correlation id already exists. */
    public boolean submit(DSLContext tx, DeliverablesRecord deliverable, String correlationId, String action,
                          String approvalId, String requestedBy, Instant at) {
        return submit(tx, deliverable, correlationId, action, approvalId, requestedBy, at, null);
    }

    /** As {@link #submit(DSLContext, DeliverablesRecord, String, String, String, String, Instant)}, marked as published by hand when {@code manual} is set. */
    public boolean submit(DSLContext tx, DeliverablesRecord deliverable, String correlationId, String action,
                          String approvalId, String requestedBy, Instant at, ManualPublication manual) {
        List<String> proposed = proposedActions(deliverable);
        String chosen = action != null ? action : proposed.isEmpty() ? null : proposed.get(0);
        int inserted = tx.insertInto(EXECUTION_REQUESTS)
                .set(EXECUTION_REQUESTS.CORRELATION_ID, correlationId)
                .set(EXECUTION_REQUESTS.DELIVERABLE_ID, deliverable.getDeliverableId())
                .set(EXECUTION_REQUESTS.SUBSCRIPTION_ID, deliverable.getSubscriptionId())
                .set(EXECUTION_REQUESTS.CUSTOMER_ID, deliverable.getCustomerId())
                .set(EXECUTION_REQUESTS.HIRED_INSTANCE_ID, deliverable.getHiredInstanceId())
                .set(EXECUTION_REQUESTS.ACTION, chosen == null ? "" : chosen)
                .set(EXECUTION_REQUESTS.APPROVAL_ID, approvalId)
                .set(EXECUTION_REQUESTS.PAYLOAD_HASH, deliverable.getPayloadHash())
                .set(EXECUTION_REQUESTS.REQUESTED_BY, requestedBy)
                .set(EXECUTION_REQUESTS.REQUESTED_AT, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .set(EXECUTION_REQUESTS.STATUS, ExecutionRequestStatus.PENDING)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        // keyed by subscription: enforcement decides it in one step, in the subscription's task
        outbox.append(tx, Topics.EXECUTION_REQUESTS, deliverable.getSubscriptionId().toString(), new ExecutionRequest(
                correlationId, deliverable.getDeliverableId().toString(), deliverable.getSubscriptionId().toString(),
                deliverable.getCustomerId().toString(), deliverable.getHiredInstanceId().toString(), chosen, approvalId,
                deliverable.getPayloadHash(), requestedBy, at,
                EventJson.MAPPER.readValue(deliverable.getPayload().data(), new TypeReference<Map<String, Object>>() { }),
                proposed, manual));
        return true;
    }

    private static List<String> proposedActions(DeliverablesRecord deliverable) {
        return EventJson.MAPPER.readValue(deliverable.getProposedActions().data(), new TypeReference<List<String>>() { });
    }
}
