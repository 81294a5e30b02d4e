package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.ADMIN;
import static com.myagents.ingest.RunningIngestApi.DEMO_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.SUPPORT;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class AgentTypesApiTest {

    final RunningIngestApi api = RunningIngestApi.get();

    @Test
    void listsTheLatestPublishedVersionOfEachAgentTypeWithItsWholeContract() {
        HttpResponse<String> response = api.call("GET", "/api/v1/agent-types", DEMO_CUSTOMER, null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).path("agent_types").forEach(t -> ids.add(t.path("agent_type_id").asString()));
        assertThat(ids).contains("marketing.healthcare.v1", "trading.delta_futures.v1");
        JsonNode marketing = json(api.call("GET", "/api/v1/agent-types/marketing.healthcare.v1", DEMO_CUSTOMER, null));
        assertThat(marketing.path("config_schema").path("required").toString()).contains("brand_name", "platforms_enabled");
        assertThat(marketing.path("ui_hints").path("timezone").path("widget").asString()).isEqualTo("timezone");
        assertThat(marketing.path("goal_templates")).hasSize(3);
        assertThat(marketing.path("enforcement_defaults").path("approval_required").asBoolean()).isTrue();
    }

    @Test
    void thePlantContractIsPublishedAsOpenApiToServiceCallersOnly() {
        HttpResponse<String> docs = api.call("GET", "/v3/api-docs", ADMIN, null);
        HttpResponse<String> anonymous = api.call("GET", "/v3/api-docs", null, null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).path("paths").propertyNames()).contains("/api/v1/agent-types",
                "/api/v1/agent-types/{agent_type_id}", "/api/v1/hired-agents/draft",
                "/api/v1/hired-agents/{hired_instance_id}/goals", "/api/v1/deliverables/{deliverable_id}/review",
                "/api/v1/deliverables/{deliverable_id}/execute", "/api/v1/audit/denials");
    }

    @Test
    void aSpecificVersionIsServedAndUnknownOrMalformedOnesAreNot() {
        assertThat(api.call("GET", "/api/v1/agent-types/trading.delta_futures.v1?version=1.0.0", DEMO_CUSTOMER, null)
                .statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "/api/v1/agent-types/trading.delta_futures.v1?version=9.9.9", DEMO_CUSTOMER, null)
                .statusCode()).isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/agent-types/trading.delta_futures.v1?version=latest", DEMO_CUSTOMER, null)
                .statusCode()).isEqualTo(400);
        assertThat(api.call("GET", "/api/v1/agent-types/no.such.type", DEMO_CUSTOMER, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anAdminDraftsEditsAndPublishesAVersionThatThenBecomesLatestAndImmutable() {
        String type = "test.authoring." + System.nanoTime();
        String schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"required\":[\"nickname\"],\"properties\":{\"nickname\":{\"type\":\"string\"}}}";

        HttpResponse<String> created = api.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN,
                "{\"display_name\":\"Test\",\"config_schema\":" + schema + "}");
        HttpResponse<String> hiddenDraft = api.call("GET", "/api/v1/agent-types/" + type + "?version=1.0.0", DEMO_CUSTOMER, null);
        HttpResponse<String> edited = api.call("PUT", "/api/v1/agent-types/" + type + "/versions/1.0.0", ADMIN,
                "{\"display_name\":\"Test agent\"}");
        HttpResponse<String> published = api.call("POST", "/api/v1/agent-types/" + type + "/versions/1.0.0/publish", ADMIN,
                api.reviewedPublish(type, "1.0.0"));
        HttpResponse<String> editAfter = api.call("PUT", "/api/v1/agent-types/" + type + "/versions/1.0.0", ADMIN,
                "{\"display_name\":\"Changed\"}");
        HttpResponse<String> next = api.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN, "{}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("status").asString()).isEqualTo("draft");
        assertThat(hiddenDraft.statusCode()).isEqualTo(404);
        assertThat(json(edited).path("display_name").asString()).isEqualTo("Test agent");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(json(published).path("status").asString()).isEqualTo("published");
        assertThat(editAfter.statusCode()).isEqualTo(409);
        assertThat(json(next).path("version").asString()).isEqualTo("1.1.0");
        assertThat(json(next).path("display_name").asString()).isEqualTo("Test agent");
        assertThat(json(api.call("GET", "/api/v1/agent-types/" + type + "/versions", ADMIN, null)).path("versions")).hasSize(2);
    }

    @Test
    void onlyAdminsAuthorAndAnInvalidSchemaCannotBePublished() {
        String type = "test.guard." + System.nanoTime();

        HttpResponse<String> byCustomer = api.call("POST", "/api/v1/agent-types/" + type + "/versions", DEMO_CUSTOMER,
                "{\"display_name\":\"x\",\"config_schema\":{}}");
        HttpResponse<String> bySupport = api.call("POST", "/api/v1/agent-types/" + type + "/versions", SUPPORT,
                "{\"display_name\":\"x\",\"config_schema\":{}}");
        HttpResponse<String> versionsByCustomer = api.call("GET", "/api/v1/agent-types/" + type + "/versions", DEMO_CUSTOMER, null);
        api.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN,
                "{\"display_name\":\"x\",\"config_schema\":{\"type\":\"nonsense\"},\"goal_templates\":[{\"goal_template_id\":\"a\"},{\"goal_template_id\":\"a\"}]}");
        HttpResponse<String> publish = api.call("POST", "/api/v1/agent-types/" + type + "/versions/1.0.0/publish", ADMIN,
                api.reviewedPublish(type, "1.0.0"));
        HttpResponse<String> secondDraft = api.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN, "{}");

        assertThat(byCustomer.statusCode()).isEqualTo(403);
        assertThat(bySupport.statusCode()).isEqualTo(403);
        assertThat(versionsByCustomer.statusCode()).isEqualTo(404);
        assertThat(publish.statusCode()).isEqualTo(400);
        assertThat(publish.body()).contains("/config_schema", "/goal_templates/1/goal_template_id");
        assertThat(secondDraft.statusCode()).isEqualTo(409);
    }

    @Test
    void anAdminCallAloneCannotPublishOnlyAReceiptForThatExactContentCan() {
        String type = "test.receipt." + System.nanoTime();
        String publish = "/api/v1/agent-types/" + type + "/versions/1.0.0/publish";
        api.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN, "{\"display_name\":\"Reviewed\","
                + "\"config_schema\":{\"type\":\"object\",\"properties\":{\"nickname\":{\"type\":\"string\"}}}}");
        String reviewed = api.reviewedPublish(type, "1.0.0");
        String forged = "{\"review_receipt\":\"" + new com.myagents.http.review.ReviewReceipts(new byte[32],
                java.time.Clock.systemUTC()).mint(new com.myagents.http.review.ReviewReceipts.Receipt(type, "1.0.0",
                "0".repeat(64), "ops-1")) + "\"}";

        HttpResponse<String> bare = api.call("POST", publish, ADMIN, null);
        HttpResponse<String> withForgery = api.call("POST", publish, ADMIN, forged);
        api.call("PUT", "/api/v1/agent-types/" + type + "/versions/1.0.0", ADMIN, "{\"display_name\":\"Changed after review\"}");
        HttpResponse<String> stale = api.call("POST", publish, ADMIN, reviewed);

        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(json(bare).path("reason").asString()).isEqualTo("review_required");
        assertThat(withForgery.statusCode()).isEqualTo(403);
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(json(stale).path("reason").asString()).isEqualTo("review_receipt_stale");
        assertThat(json(api.call("GET", "/api/v1/agent-types/" + type + "?version=1.0.0", ADMIN, null))
                .path("status").asString()).isEqualTo("draft");
        assertThat(api.call("POST", publish, ADMIN, api.reviewedPublish(type, "1.0.0")).statusCode()).isEqualTo(200);
    }
}
