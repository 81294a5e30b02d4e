package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.ACCESS_RECORDS;
import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_COMMANDS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_RESULTS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import com.myagents.ingest.ops.TimelineEntry.Stage;

/**
 * Everything recorded under one correlation id, across the HTTP hops and the pipeline: access
 * records, the execution request, enforcement's decision (with the checks and inputs that made
 * it), the denial or the signed command, and what the connector did, in order.
 */
@Repository
public class CorrelationTimeline {

    /** The drill-down: the request's outcome so far and its ordered steps. */
    public record Timeline(String correlationId, String outcome, String deliverableId, String subscriptionId,
                           String customerId, String customerName, List<TimelineEntry> timeline) {
    }

    private final DSLContext db;
    private final CustomerDirectory customers;

    public CorrelationTimeline(DSLContext db, CustomerDirectory customers) {
        this.db = db;
        this.customers = customers;
    }

    public Timeline of(String correlationId) {
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Record r : db.selectFrom(ACCESS_RECORDS).where(ACCESS_RECORDS.CORRELATION_ID.eq(correlationId)).fetch()) {
            entries.add(new TimelineEntry(r.get(ACCESS_RECORDS.RECEIVED_AT), Stage.HTTP_ACCESS, r.get(ACCESS_RECORDS.SERVICE),
                    r.get(ACCESS_RECORDS.METHOD) + " " + r.get(ACCESS_RECORDS.PATH) + " → " + r.get(ACCESS_RECORDS.STATUS),
                    RowJson.of(r)));
        }
        for (Record r : db.selectFrom(EXECUTION_REQUESTS).where(EXECUTION_REQUESTS.CORRELATION_ID.eq(correlationId)).fetch()) {
            remember(ids, r.get(EXECUTION_REQUESTS.DELIVERABLE_ID), r.get(EXECUTION_REQUESTS.SUBSCRIPTION_ID),
                    r.get(EXECUTION_REQUESTS.CUSTOMER_ID));
            entries.add(new TimelineEntry(r.get(EXECUTION_REQUESTS.REQUESTED_AT), Stage.EXECUTION_REQUEST, "ingest-api",
                    r.get(EXECUTION_REQUESTS.ACTION) + " requested for deliverable " + r.get(EXECUTION_REQUESTS.DELIVERABLE_ID)
                            + (r.get(EXECUTION_REQUESTS.APPROVAL_ID) == null ? " without an approval_id"
                                    : " with approval " + r.get(EXECUTION_REQUESTS.APPROVAL_ID)),
                    RowJson.of(r)));
        }
        for (Record r : db.selectFrom(EXECUTION_DECISIONS).where(EXECUTION_DECISIONS.CORRELATION_ID.eq(correlationId)).fetch()) {
            remember(ids, r.get(EXECUTION_DECISIONS.DELIVERABLE_ID), r.get(EXECUTION_DECISIONS.SUBSCRIPTION_ID),
                    r.get(EXECUTION_DECISIONS.CUSTOMER_ID));
            entries.add(new TimelineEntry(r.get(EXECUTION_DECISIONS.DECIDED_AT), Stage.DECISION, "enforcement-streams",
                    r.get(EXECUTION_DECISIONS.OUTCOME) + " (" + r.get(EXECUTION_DECISIONS.REASON) + ") by policy "
                            + r.get(EXECUTION_DECISIONS.POLICY_VERSION),
                    RowJson.of(r)));
        }
        for (Record r : db.selectFrom(ENFORCEMENT_DENIALS).where(ENFORCEMENT_DENIALS.CORRELATION_ID.eq(correlationId)).fetch()) {
            remember(ids, r.get(ENFORCEMENT_DENIALS.DELIVERABLE_ID), r.get(ENFORCEMENT_DENIALS.SUBSCRIPTION_ID),
                    r.get(ENFORCEMENT_DENIALS.CUSTOMER_ID));
            entries.add(new TimelineEntry(r.get(ENFORCEMENT_DENIALS.DENIED_AT), Stage.DENIAL, "enforcement-streams",
                    "denied: " + r.get(ENFORCEMENT_DENIALS.REASON)
                            + (r.get(ENFORCEMENT_DENIALS.DETAIL) == null ? "" : " — " + r.get(ENFORCEMENT_DENIALS.DETAIL)),
                    RowJson.of(r)));
        }
        for (Record r : db.selectFrom(EXECUTION_COMMANDS).where(EXECUTION_COMMANDS.CORRELATION_ID.eq(correlationId)).fetch()) {
            entries.add(new TimelineEntry(r.get(EXECUTION_COMMANDS.ISSUED_AT), Stage.COMMAND, "enforcement-streams",
                    "signed command " + r.get(EXECUTION_COMMANDS.COMMAND_ID) + " to " + r.get(EXECUTION_COMMANDS.ACTION),
                    RowJson.of(r)));
        }
        for (Record r : db.selectFrom(EXECUTION_RESULTS).where(EXECUTION_RESULTS.CORRELATION_ID.eq(correlationId)).fetch()) {
            entries.add(new TimelineEntry(r.get(EXECUTION_RESULTS.COMPLETED_AT), Stage.CONNECTOR_RESULT, "connector",
                    r.get(EXECUTION_RESULTS.STATUS) + (r.get(EXECUTION_RESULTS.EXTERNAL_ID) == null ? ""
                            : " as " + r.get(EXECUTION_RESULTS.EXTERNAL_ID)),
                    RowJson.of(r)));
        }
        entries.sort(TimelineEntry.ORDER);
        String customerId = ids.get("customer_id");
        String customerName = customerId == null ? null : customers.namesOf(List.of(customerId)).get(customerId);
        return new Timeline(correlationId, outcome(entries), ids.get("deliverable_id"), ids.get("subscription_id"),
                customerId, customerName, entries);
    }

    /** The furthest stage reached decides: a connector's result, else the decision, else pending. */
    static String outcome(List<TimelineEntry> entries) {
        String outcome = entries.isEmpty() ? "unknown" : "no_execution";
        Stage reached = null;
        for (TimelineEntry entry : entries) {
            Stage stage = entry.stage();
            if (stage == Stage.HTTP_ACCESS || reached != null && reached.compareTo(stage) > 0) {
                continue;
            }
            reached = stage;
            outcome = switch (stage) {
                case EXECUTION_REQUEST -> "pending";
                case DECISION -> "allow".equals(entry.details().get("outcome")) ? "allowed" : "denied";
                case DENIAL -> "denied";
                case COMMAND -> "allowed";
                case CONNECTOR_RESULT -> String.valueOf(entry.details().get("status"));
                default -> outcome;
            };
        }
        return outcome;
    }

    private static void remember(Map<String, String> ids, Object deliverableId, Object subscriptionId, Object customerId) {
        ids.putIfAbsent("deliverable_id", deliverableId == null ? null : deliverableId.toString());
        ids.putIfAbsent("subscription_id", subscriptionId == null ? null : subscriptionId.toString());
        ids.putIfAbsent("customer_id", customerId == null ? null : customerId.toString());
    }
}
