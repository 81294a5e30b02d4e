package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.APPROVALS;
import static com.myagents.plant.jooq.generated.Tables.CUSTOMER_DIRECTORY;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_REQUESTS;
import static com.myagents.plant.jooq.generated.Tables.GOAL_INSTANCES;
import static com.myagents.plant.jooq.generated.Tables.GOAL_RUNS;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.Violation;
import com.myagents.ingest.config.SecretScanner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything support needs about one hired agent, in one read: the instance with its config
 * (references only; anything secret-looking is masked) and why it is not configured, its
 * subscription, goals, runs, drafts, approvals, execution requests, decisions and denials,
 * newest first, at most {@value #LIMIT} of each.
 */
@Repository
public class InstanceDetails {

    static final int LIMIT = 50;
    static final String MASKED = "[masked]";

    private final DSLContext db;

    public InstanceDetails(DSLContext db) {
        this.db = db;
    }

    public Optional<Map<String, Object>> of(UUID hiredInstanceId) {
        Record instance = db.select(HIRED_AGENTS.HIRED_INSTANCE_ID, HIRED_AGENTS.SUBSCRIPTION_ID,
                        HIRED_AGENTS.CUSTOMER_ID, CUSTOMER_DIRECTORY.EMAIL.as("customer_email"),
                        CUSTOMER_DIRECTORY.DISPLAY_NAME.as("customer_name"), HIRED_AGENTS.AGENT_TYPE_ID,
                        HIRED_AGENTS.AGENT_TYPE_VERSION, HIRED_AGENTS.NICKNAME, HIRED_AGENTS.CONFIG,
                        HIRED_AGENTS.CONFIGURED, HIRED_AGENTS.CONFIG_VIOLATIONS, HIRED_AGENTS.FINALIZED_AT,
                        HIRED_AGENTS.CREATED_AT, HIRED_AGENTS.UPDATED_AT)
                .from(HIRED_AGENTS)
                .leftJoin(CUSTOMER_DIRECTORY).on(CUSTOMER_DIRECTORY.CUSTOMER_ID.eq(HIRED_AGENTS.CUSTOMER_ID))
                .where(HIRED_AGENTS.HIRED_INSTANCE_ID.eq(hiredInstanceId))
                .fetchOne();
        if (instance == null) {
            return Optional.empty();
        }
        UUID subscriptionId = instance.get(HIRED_AGENTS.SUBSCRIPTION_ID);
        Map<String, Object> hiredAgent = RowJson.of(instance);
        hiredAgent.put("config", refsOnly((JsonNode) hiredAgent.get("config")));

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("hired_agent", hiredAgent);
        view.put("subscription", RowJson.of(db.select(SUBSCRIPTIONS.SUBSCRIPTION_ID, SUBSCRIPTIONS.STATUS,
                        SUBSCRIPTIONS.PERIOD_START, SUBSCRIPTIONS.PERIOD_END, SUBSCRIPTIONS.ENDED_AT,
                        SUBSCRIPTIONS.RETENTION_UNTIL, SUBSCRIPTIONS.TRIAL_STATUS, SUBSCRIPTIONS.TRIAL_START_AT,
                        SUBSCRIPTIONS.TRIAL_END_AT, SUBSCRIPTIONS.CREATED_AT)
                .from(SUBSCRIPTIONS).where(SUBSCRIPTIONS.SUBSCRIPTION_ID.eq(subscriptionId)).fetchOne()));
        view.put("goals", rows(db.select(GOAL_INSTANCES.GOAL_INSTANCE_ID, GOAL_INSTANCES.GOAL_TEMPLATE_ID,
                        GOAL_INSTANCES.FREQUENCY, GOAL_INSTANCES.TIME_OF_DAY, GOAL_INSTANCES.SETTINGS,
                        GOAL_INSTANCES.ENABLED, GOAL_INSTANCES.TIMEZONE, GOAL_INSTANCES.CREATED_AT, GOAL_INSTANCES.UPDATED_AT)
                .from(GOAL_INSTANCES).where(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(hiredInstanceId))
                .orderBy(GOAL_INSTANCES.CREATED_AT.desc()).limit(LIMIT).fetch()));
        view.put("runs", rows(db.selectFrom(GOAL_RUNS)
                .where(GOAL_RUNS.GOAL_INSTANCE_ID.in(db.select(GOAL_INSTANCES.GOAL_INSTANCE_ID).from(GOAL_INSTANCES)
                        .where(GOAL_INSTANCES.HIRED_INSTANCE_ID.eq(hiredInstanceId))))
                .orderBy(GOAL_RUNS.TRIGGERED_AT.desc().nullsLast(), GOAL_RUNS.COMPLETED_AT.desc().nullsLast())
                .limit(LIMIT).fetch()));
        view.put("deliverables", rows(db.select(DELIVERABLES.DELIVERABLE_ID, DELIVERABLES.RUN_ID,
                        DELIVERABLES.GOAL_INSTANCE_ID, DELIVERABLES.GOAL_TEMPLATE_ID, DELIVERABLES.KIND, DELIVERABLES.STATE,
                        DELIVERABLES.PAYLOAD, DELIVERABLES.PROPOSED_ACTIONS, DELIVERABLES.PAYLOAD_HASH,
                        DELIVERABLES.SUGGESTED_FOR, DELIVERABLES.SCHEDULED_FOR, DELIVERABLES.CREATED_AT,
                        DELIVERABLES.UPDATED_AT)
                .from(DELIVERABLES).where(DELIVERABLES.HIRED_INSTANCE_ID.eq(hiredInstanceId))
                .orderBy(DELIVERABLES.CREATED_AT.desc()).limit(LIMIT).fetch()));
        view.put("approvals", rows(db.select(APPROVALS.APPROVAL_ID, APPROVALS.DELIVERABLE_ID, APPROVALS.VERDICT,
                        APPROVALS.REVIEWER, APPROVALS.NOTES, APPROVALS.PAYLOAD_HASH, APPROVALS.DECIDED_AT,
                        APPROVALS.EXPIRES_AT, APPROVALS.USED_AT)
                .from(APPROVALS).join(DELIVERABLES).on(DELIVERABLES.DELIVERABLE_ID.eq(APPROVALS.DELIVERABLE_ID))
                .where(DELIVERABLES.HIRED_INSTANCE_ID.eq(hiredInstanceId))
                .orderBy(APPROVALS.DECIDED_AT.desc()).limit(LIMIT).fetch()));
        view.put("executions", rows(db.select(EXECUTION_REQUESTS.CORRELATION_ID, EXECUTION_REQUESTS.DELIVERABLE_ID,
                        EXECUTION_REQUESTS.ACTION, EXECUTION_REQUESTS.APPROVAL_ID, EXECUTION_REQUESTS.REQUESTED_BY,
                        EXECUTION_REQUESTS.REQUESTED_AT, EXECUTION_REQUESTS.STATUS, EXECUTION_REQUESTS.DECIDED_AT)
                .from(EXECUTION_REQUESTS).where(EXECUTION_REQUESTS.HIRED_INSTANCE_ID.eq(hiredInstanceId))
                .orderBy(EXECUTION_REQUESTS.REQUESTED_AT.desc()).limit(LIMIT).fetch()));
        view.put("decisions", rows(db.selectFrom(EXECUTION_DECISIONS)
                .where(EXECUTION_DECISIONS.SUBSCRIPTION_ID.eq(subscriptionId.toString()))
                .orderBy(EXECUTION_DECISIONS.DECIDED_AT.desc()).limit(LIMIT).fetch()));
        view.put("denials", rows(db.selectFrom(ENFORCEMENT_DENIALS)
                .where(ENFORCEMENT_DENIALS.SUBSCRIPTION_ID.eq(subscriptionId.toString()))
                .orderBy(ENFORCEMENT_DENIALS.DENIED_AT.desc()).limit(LIMIT).fetch()));
        return Optional.of(view);
    }

    /**
     * Plant refuses secrets in configs, so this masks nothing today; it is here so that an operator
     * view can never become the place where one leaks, should one ever get in.
     */
    static JsonNode refsOnly(JsonNode config) {
        if (config == null || !config.isObject()) {
            return config;
        }
        ObjectNode copy = (ObjectNode) config.deepCopy();
        for (Violation secret : SecretScanner.findSecrets(copy)) {
            mask(copy, secret.pointer());
        }
        return copy;
    }

    private static void mask(ObjectNode root, String pointer) {
        int last = pointer.lastIndexOf('/');
        JsonNode parent = last <= 0 ? root : root.at(pointer.substring(0, last));
        String name = pointer.substring(last + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.put(name, MASKED);
        } else if (parent != null && parent.isArray()) {
            ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(name),
                    EventJson.MAPPER.getNodeFactory().stringNode(MASKED));
        }
    }

    private static List<Map<String, Object>> rows(List<? extends Record> records) {
        return records.stream().map(RowJson::of).toList();
    }
}
