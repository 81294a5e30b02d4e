package com.myagents.ingest.ops;

import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_DECISIONS;
import static com.myagents.plant.jooq.generated.Tables.EXECUTION_RESULTS;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.serde.EventJson;
import com.myagents.http.identity.Principal;
import com.myagents.ingest.PlantApi;
import com.myagents.plant.status.DeliverableState;
import com.myagents.testsupport.SharedTestInfra;
import com.myagents.testsupport.TopicWriter;

import tools.jackson.databind.JsonNode;

/**
 * The operator views' ingest-api ({@link PlantApi}), waiting 1 s for a decision, with plant-store's
 * materializer running beside it. It also plays the parts of the pipeline that are not running here:
 * the gateway's access records, enforcement's decisions, denials and commands and the connectors'
 * results go onto the real topics, and the materializer stores them as it does in production.
 */
public final class OpsPlant {

    public static final Principal ADMIN = operator("admin");
    public static final Principal SUPPORT = operator("support");
    public static final Principal AUDITOR = operator("auditor");
    public static final Principal INTERN = operator("intern");
    public static final Principal DEMO_CUSTOMER = new Principal("00000000-0000-0000-0000-0000000c0001",
            Principal.Kind.CUSTOMER, "demo@myagents.local", Set.of());

    private static OpsPlant instance;

    private final ConfigurableApplicationContext context;
    private final PlantApi calls;

    private OpsPlant(PlantApi calls) {
        this.context = calls.context();
        this.calls = calls;
    }

    private static final byte[] RECEIPT_KEY = new SecureRandom().generateSeed(32);

    /** Publishes a version with the receipt pp-backend would mint after reviewing it as Plant has it now. */
    public HttpResponse<String> publishReviewed(String agentTypeId, String version, Principal as) {
        JsonNode definition = json(call("GET", "/api/v1/agent-types/" + agentTypeId + "?version=" + version, as, null));
        String receipt = new com.myagents.http.review.ReviewReceipts(RECEIPT_KEY, java.time.Clock.systemUTC())
                .mint(new com.myagents.http.review.ReviewReceipts.Receipt(agentTypeId, version,
                        com.myagents.http.review.DefinitionHash.of(definition), as.id()));
        return call("POST", "/api/v1/agent-types/" + agentTypeId + "/versions/" + version + "/publish", as,
                "{\"review_receipt\":\"" + receipt + "\"}");
    }

    public static synchronized OpsPlant get() {
        if (instance == null) {
            PlantApi started = PlantApi.start("1s", RECEIPT_KEY);
            ConfigurableApplicationContext context = started.context();
            // plant-store's materializer writes the access records and commands the drill-down reads
            new com.myagents.plant.materializer.Materializer(context.getBean(DSLContext.class), java.util.Map.of(
                    "bootstrap.servers", SharedTestInfra.kafkaBootstrapServers(), "group.id", "ops-test-materializer")).start();
            instance = new OpsPlant(started);
        }
        return instance;
    }

    public static Principal operator(String role) {
        return new Principal("op-" + role, Principal.Kind.OPERATOR, role + "@myagents.local", Set.of(role));
    }

    public static Principal newCustomer() {
        UUID id = UUID.randomUUID();
        return new Principal(id.toString(), Principal.Kind.CUSTOMER, "Customer." + id.toString().substring(0, 8)
                + "@Example.test", Set.of(), "Clinic " + id.toString().substring(0, 8));
    }

    public HttpResponse<String> call(String method, String path, Principal as, String body) {
        return call(method, path, as, body, null);
    }

    public HttpResponse<String> call(String method, String path, Principal as, String body, String correlationId) {
        return calls.call(method, path, as, body, correlationId);
    }

    /** A GET whose body is read as it arrives (downloads), not held whole. */
    public HttpResponse<java.io.InputStream> stream(String path, Principal as) {
        return calls.stream(path, as);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return EventJson.MAPPER.readTree(response.body());
    }

    public DSLContext db() {
        return context.getBean(DSLContext.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Sends an event the way its producer in the pipeline would: the topic's serde, its key. */
    public <V> void publish(Topic<String, V> topic, String key, V event) {
        TopicWriter.shared().publish(topic, key, event);
    }

    public void publishRaw(String topic, String key, byte[] value) {
        TopicWriter.shared().publishRaw(topic, key, value);
    }

    /**
     * Enforcement's decision (and, when it denies, its denial) on their topics, as enforcement writes
     * them, once plant-store's materializer has stored what the ops views read.
     */
    public void decided(ExecutionDecision decision) {
        publish(Topics.EXECUTION_DECISIONS, decision.correlationId(), decision);
        if (!decision.allowed()) {
            publish(Topics.ENFORCEMENT_DENIALS, decision.subscriptionId(), EnforcementDenial.of(decision));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> db().fetchCount(EXECUTION_DECISIONS,
                EXECUTION_DECISIONS.CORRELATION_ID.eq(decision.correlationId())) == 1 && (decision.allowed()
                || db().fetchCount(ENFORCEMENT_DENIALS, ENFORCEMENT_DENIALS.CORRELATION_ID.eq(decision.correlationId())) == 1));
    }

    /** A connector's result on its topic, once the materializer has stored it. */
    public void resulted(ExecutionResult result) {
        publish(Topics.EXECUTION_RESULTS, result.deliverableId(), result);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> db().fetchCount(EXECUTION_RESULTS,
                EXECUTION_RESULTS.RESULT_ID.eq(UUID.fromString(result.resultId()))) == 1);
    }

    /** A customer's freshly hired agent of this type. */
    public Hired hire(Principal customer, String agentTypeId) {
        HttpResponse<String> hired = call("POST", "/api/v1/subscriptions", customer,
                "{\"agent_type_id\":\"" + agentTypeId + "\",\"nickname\":\"Ops test\"}");
        if (hired.statusCode() != 201) {
            throw new AssertionError("hiring failed: " + hired.statusCode() + " " + hired.body());
        }
        JsonNode body = json(hired);
        return new Hired(customer, UUID.fromString(body.path("hired_instance_id").asString()),
                UUID.fromString(body.path("subscription_id").asString()));
    }

    /** A draft as the materializer writes one from the drafts topic, pending the customer's review. */
    public UUID draftFor(Hired hired) {
        UUID deliverableId = UUID.randomUUID();
        Map<String, Object> payload = Map.of("platform", "linkedin", "text", "Ops drill-down " + deliverableId);
        OffsetDateTime now = OffsetDateTime.now();
        db().insertInto(DELIVERABLES)
                .set(DELIVERABLES.DELIVERABLE_ID, deliverableId)
                .set(DELIVERABLES.GOAL_TEMPLATE_ID, "marketing.daily_education_micropost")
                .set(DELIVERABLES.HIRED_INSTANCE_ID, hired.hiredInstanceId())
                .set(DELIVERABLES.SUBSCRIPTION_ID, hired.subscriptionId())
                .set(DELIVERABLES.CUSTOMER_ID, UUID.fromString(hired.customer().id()))
                .set(DELIVERABLES.KIND, "social_post")
                .set(DELIVERABLES.STATE, DeliverableState.PENDING_REVIEW)
                .set(DELIVERABLES.PAYLOAD, JSONB.valueOf(EventJson.MAPPER.writeValueAsString(payload)))
                .set(DELIVERABLES.PROPOSED_ACTIONS, JSONB.valueOf("[\"publish\"]"))
                .set(DELIVERABLES.PAYLOAD_HASH, PayloadHash.of(payload))
                .set(DELIVERABLES.CREATED_AT, now)
                .set(DELIVERABLES.UPDATED_AT, now)
                .execute();
        return deliverableId;
    }

    public record Hired(Principal customer, UUID hiredInstanceId, UUID subscriptionId) {
    }
}
