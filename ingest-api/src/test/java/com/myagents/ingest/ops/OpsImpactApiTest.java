package com.myagents.ingest.ops;

import static com.myagents.ingest.ops.OpsPlant.ADMIN;
import static com.myagents.ingest.ops.OpsPlant.AUDITOR;
import static com.myagents.ingest.ops.OpsPlant.SUPPORT;
import static com.myagents.ingest.ops.OpsPlant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.myagents.ingest.ops.OpsPlant.Hired;

import tools.jackson.databind.JsonNode;

class OpsImpactApiTest {

    static final String SCHEMA_V1 = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"required\":[\"nickname\"],\"properties\":{\"nickname\":{\"type\":\"string\"},"
            + "\"tone\":{\"type\":\"string\",\"enum\":[\"calm\",\"loud\"]}}}";
    static final String SCHEMA_V2 = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"required\":[\"nickname\",\"region\"],\"properties\":{\"nickname\":{\"type\":\"string\"},"
            + "\"region\":{\"type\":\"string\"},\"tone\":{\"type\":\"string\",\"enum\":[\"calm\"]}}}";

    final OpsPlant plant = OpsPlant.get();

    @Test
    void listsTheConfiguredInstancesACandidateVersionWouldLeaveUnconfigured() {
        String type = "test.impact." + System.nanoTime();
        publish(type, SCHEMA_V1);
        Hired loud = configured(type, "{\"nickname\":\"Loud\",\"tone\":\"loud\"}");
        Hired calm = configured(type, "{\"nickname\":\"Calm\",\"tone\":\"calm\"}");
        Hired unconfigured = plant.hire(OpsPlant.newCustomer(), type);
        plant.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN, "{\"config_schema\":" + SCHEMA_V2 + "}");

        HttpResponse<String> response = plant.call("GET", "/api/v1/ops/agent-types/" + type + "/versions/1.1.0/impact",
                SUPPORT, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode impact = json(response);
        assertThat(impact.path("instances_checked").asInt()).isEqualTo(2);
        assertThat(impact.path("affected_instances")).hasSize(2);
        JsonNode first = impact.path("affected_instances").get(0);
        assertThat(first.path("hired_instance_id").asString()).isEqualTo(loud.hiredInstanceId().toString());
        assertThat(first.path("pinned_version").asString()).isEqualTo("1.0.0");
        assertThat(first.path("customer_email").asString()).isEqualTo(loud.customer().email().toLowerCase());
        assertThat(first.path("customer_name").asString()).isEqualTo(loud.customer().name());
        assertThat(first.path("violations").toString()).contains("/region", "/tone");
        assertThat(impact.path("affected_instances").get(1).path("hired_instance_id").asString())
                .isEqualTo(calm.hiredInstanceId().toString());
        assertThat(impact.toString()).doesNotContain(unconfigured.hiredInstanceId().toString());
    }

    @Test
    void aVersionThatKeepsEveryConfigValidAffectsNobody() {
        String type = "test.impact.safe." + System.nanoTime();
        publish(type, SCHEMA_V1);
        configured(type, "{\"nickname\":\"Kept\"}");
        plant.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN, "{\"description\":\"same schema\"}");

        JsonNode impact = json(plant.call("GET", "/api/v1/ops/agent-types/" + type + "/versions/1.1.0/impact", ADMIN, null));

        assertThat(impact.path("instances_checked").asInt()).isEqualTo(1);
        assertThat(impact.path("affected_instances")).isEmpty();
    }

    @Test
    void answersUnknownVersionsAndUncompilableSchemasAndKeepsAuditorsOut() {
        String type = "test.impact.broken." + System.nanoTime();
        publish(type, SCHEMA_V1);
        configured(type, "{\"nickname\":\"Victim\"}");
        plant.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN,
                "{\"config_schema\":{\"$ref\":\"#/$defs/missing\"}}");

        assertThat(plant.call("GET", "/api/v1/ops/agent-types/" + type + "/versions/9.9.9/impact", SUPPORT, null)
                .statusCode()).isEqualTo(404);
        assertThat(plant.call("GET", "/api/v1/ops/agent-types/" + type + "/versions/1.1.0/impact", SUPPORT, null)
                .statusCode()).isEqualTo(422);
        assertThat(plant.call("GET", "/api/v1/ops/agent-types/" + type + "/versions/1.0.0/impact", AUDITOR, null)
                .statusCode()).isEqualTo(403);
    }

    private void publish(String type, String schema) {
        plant.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN,
                "{\"display_name\":\"Impact test\",\"config_schema\":" + schema + "}");
        HttpResponse<String> published = plant.publishReviewed(type, "1.0.0", ADMIN);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    private Hired configured(String type, String config) {
        Hired hired = plant.hire(OpsPlant.newCustomer(), type);
        HttpResponse<String> saved = plant.call("PUT", "/api/v1/hired-agents/draft", hired.customer(),
                "{\"subscription_id\":\"" + hired.subscriptionId() + "\",\"config\":" + config + "}");
        assertThat(json(saved).path("configured").asBoolean()).as(saved.body()).isTrue();
        return hired;
    }
}
