package com.myagents.ingest.ops;

import static com.myagents.ingest.ops.OpsPlant.ADMIN;
import static com.myagents.ingest.ops.OpsPlant.AUDITOR;
import static com.myagents.ingest.ops.OpsPlant.SUPPORT;
import static com.myagents.ingest.ops.OpsPlant.json;
import static com.myagents.plant.jooq.generated.Tables.APPROVALS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Principal;
import com.myagents.ingest.ops.OpsPlant.Hired;
import com.myagents.plant.status.ApprovalVerdict;
import com.myagents.testsupport.ExecutionDecisionBuilder;

import tools.jackson.databind.JsonNode;

class OpsHiredAgentsApiTest {

    final OpsPlant plant = OpsPlant.get();

    @Test
    void findsACustomersAgentsByTheEmailTheirVerifiedIdentityCarried() {
        Principal customer = OpsPlant.newCustomer();
        Hired marketing = plant.hire(customer, "marketing.healthcare.v1");
        Hired trading = plant.hire(customer, "trading.delta_futures.v1");

        HttpResponse<String> found = plant.call("GET", "/api/v1/ops/hired-agents?email="
                + customer.email().toUpperCase(), SUPPORT, null);

        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode body = json(found);
        assertThat(body.path("total").asInt()).isEqualTo(2);
        assertThat(ids(body)).containsExactlyInAnyOrder(marketing.hiredInstanceId().toString(),
                trading.hiredInstanceId().toString());
        JsonNode first = body.path("hired_agents").get(0);
        assertThat(first.path("customer_email").asString()).isEqualTo(customer.email().toLowerCase());
        assertThat(first.path("customer_name").asString()).isEqualTo(customer.name());
        assertThat(first.path("customer_id").asString()).isEqualTo(customer.id());
        assertThat(first.path("configured").asBoolean()).isFalse();
        assertThat(first.path("subscription_status").asString()).isEqualTo("active");
    }

    @Test
    void findsTheSeededDemoCustomerByEmailBeforeTheyEverCalled() {
        JsonNode body = json(plant.call("GET", "/api/v1/ops/hired-agents?email=other@myagents.local", ADMIN, null));

        assertThat(ids(body)).contains("00000000-0000-0000-0000-00000000b003");
        assertThat(body.path("hired_agents").get(0).path("customer_email").asString()).isEqualTo("other@myagents.local");
        assertThat(body.path("hired_agents").get(0).path("customer_name").asString()).isEqualTo("Other Practice");
    }

    @Test
    void narrowsByCustomerSubscriptionAndInstanceIdsAndPages() {
        Principal customer = OpsPlant.newCustomer();
        Hired one = plant.hire(customer, "marketing.healthcare.v1");
        Hired two = plant.hire(customer, "marketing.healthcare.v1");

        JsonNode byCustomer = json(plant.call("GET", "/api/v1/ops/hired-agents?customer_id=" + customer.id()
                + "&size=1&page=1", SUPPORT, null));
        JsonNode bySubscription = json(plant.call("GET", "/api/v1/ops/hired-agents?subscription_id="
                + two.subscriptionId(), SUPPORT, null));
        JsonNode byInstance = json(plant.call("GET", "/api/v1/ops/hired-agents?hired_instance_id="
                + one.hiredInstanceId() + "&customer_id=" + customer.id(), SUPPORT, null));

        assertThat(byCustomer.path("total").asInt()).isEqualTo(2);
        assertThat(byCustomer.path("hired_agents")).hasSize(1);
        assertThat(byCustomer.path("page").asInt()).isEqualTo(1);
        assertThat(ids(bySubscription)).containsExactly(two.hiredInstanceId().toString());
        assertThat(ids(byInstance)).containsExactly(one.hiredInstanceId().toString());
    }

    @Test
    void findsAgentsByPartOfTheCustomersEmailOrOfTheAgentsName() {
        // the demo customer demo@myagents.local has "Clinic Marketing" and "Delta Futures Desk"
        JsonNode byEmail = json(plant.call("GET", "/api/v1/ops/hired-agents?email=DEMO%40myagents", SUPPORT, null));
        JsonNode byName = json(plant.call("GET", "/api/v1/ops/hired-agents?email=futures%20desk", SUPPORT, null));
        JsonNode none = json(plant.call("GET", "/api/v1/ops/hired-agents?email=nobody-here", SUPPORT, null));
        JsonNode byCustomerName = json(plant.call("GET", "/api/v1/ops/hired-agents?email=other%20PRACT", SUPPORT, null));

        assertThat(values(byEmail, "customer_email")).isNotEmpty().allMatch(email -> email.contains("demo@myagents"));
        assertThat(values(byName, "nickname")).contains("Delta Futures Desk");
        assertThat(none.path("total").asInt()).isZero();
        assertThat(values(byCustomerName, "customer_name")).isNotEmpty().containsOnly("Other Practice");
    }

    @Test
    void saysWhichSearchTermIsMalformedAndFindsNothingForAnUnknownEmail() {
        HttpResponse<String> badId = plant.call("GET", "/api/v1/ops/hired-agents?customer_id=42", SUPPORT, null);
        HttpResponse<String> badEmail = plant.call("GET", "/api/v1/ops/hired-agents?email=x", SUPPORT, null);
        HttpResponse<String> badSize = plant.call("GET", "/api/v1/ops/hired-agents?size=1000&page=-1", SUPPORT, null);

        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId).path("errors").get(0).path("pointer").asString()).isEqualTo("/customer_id");
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(json(badSize).path("errors")).hasSize(2);
        assertThat(json(plant.call("GET", "/api/v1/ops/hired-agents?email=ghost@nowhere.test", SUPPORT, null))
                .path("total").asInt()).isZero();
    }

    @Test
    void showsOneInstanceWithConfigViolationsGoalsDraftsApprovalsDecisionsAndDenials() {
        Hired hired = plant.hire(OpsPlant.newCustomer(), "marketing.healthcare.v1");
        plant.call("PUT", "/api/v1/hired-agents/draft", hired.customer(), "{\"subscription_id\":\""
                + hired.subscriptionId() + "\",\"config\":{\"nickname\":\"Ops view\",\"platforms_enabled\":[\"linkedin\"],"
                + "\"platform_credentials\":{\"linkedin\":{\"credential_ref\":\"cred-li-1\"}}}}");
        HttpResponse<String> goal = plant.call("PUT", "/api/v1/hired-agents/" + hired.hiredInstanceId() + "/goals",
                hired.customer(), "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\","
                        + "\"settings\":{\"posts_per_week\":3},\"enabled\":true}");
        UUID deliverable = plant.draftFor(hired);
        plant.db().insertInto(APPROVALS)
                .set(APPROVALS.APPROVAL_ID, UUID.randomUUID())
                .set(APPROVALS.DELIVERABLE_ID, deliverable)
                .set(APPROVALS.CUSTOMER_ID, UUID.fromString(hired.customer().id()))
                .set(APPROVALS.VERDICT, ApprovalVerdict.APPROVED)
                .set(APPROVALS.REVIEWER, hired.customer().id())
                .set(APPROVALS.PAYLOAD_HASH, "h")
                .set(APPROVALS.DECIDED_AT, OffsetDateTime.now())
                .execute();
        plant.decided(ExecutionDecisionBuilder.decision().correlation("ops-view-" + UUID.randomUUID())
                .deliverable(deliverable.toString()).subscription(hired.subscriptionId().toString())
                .customer(hired.customer().id()).inputs(Map.of()).build());

        HttpResponse<String> response = plant.call("GET", "/api/v1/ops/hired-agents/" + hired.hiredInstanceId(), SUPPORT, null);

        assertThat(goal.statusCode()).isEqualTo(201);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode view = json(response);
        JsonNode agent = view.path("hired_agent");
        assertThat(agent.path("customer_email").asString()).isEqualTo(hired.customer().email().toLowerCase());
        assertThat(agent.path("customer_name").asString()).isEqualTo(hired.customer().name());
        assertThat(agent.path("config").path("platform_credentials").path("linkedin").path("credential_ref").asString())
                .isEqualTo("cred-li-1");
        assertThat(agent.path("configured").asBoolean()).isFalse();
        List<String> missing = new ArrayList<>();
        agent.path("config_violations").forEach(v -> missing.add(v.path("pointer").asString()));
        assertThat(missing).contains("/brand_name", "/timezone");
        assertThat(view.path("subscription").path("status").asString()).isEqualTo("active");
        assertThat(view.path("goals").get(0).path("goal_template_id").asString()).isEqualTo("marketing.weekly_multichannel_batch");
        assertThat(view.path("deliverables").get(0).path("deliverable_id").asString()).isEqualTo(deliverable.toString());
        assertThat(view.path("deliverables").get(0).path("payload").path("platform").asString()).isEqualTo("linkedin");
        assertThat(view.path("approvals").get(0).path("verdict").asString()).isEqualTo("approved");
        assertThat(view.path("decisions").get(0).path("reason").asString()).isEqualTo("approval_missing");
        assertThat(view.path("denials").get(0).path("reason").asString()).isEqualTo("approval_missing");
        assertThat(view.path("runs").isArray()).isTrue();
        assertThat(view.path("executions").isArray()).isTrue();
    }

    @Test
    void keepsConfigsFromAuditorsAndTheWholeViewFromCustomers() {
        String path = "/api/v1/ops/hired-agents/00000000-0000-0000-0000-00000000b001";

        HttpResponse<String> auditor = plant.call("GET", path, AUDITOR, null);
        HttpResponse<String> auditorSearch = plant.call("GET", "/api/v1/ops/hired-agents", AUDITOR, null);
        HttpResponse<String> customer = plant.call("GET", path, OpsPlant.DEMO_CUSTOMER, null);
        HttpResponse<String> unknown = plant.call("GET", "/api/v1/ops/hired-agents/" + UUID.randomUUID(), SUPPORT, null);

        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(auditor.body()).doesNotContain("config");
        assertThat(auditorSearch.statusCode()).isEqualTo(403);
        assertThat(customer.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void masksAnythingSecretLookingInAConfigShownToOperators() {
        JsonNode config = com.myagents.contracts.serde.EventJson.MAPPER.readTree(
                "{\"brand_name\":\"Clinic\",\"api_key\":\"abc\",\"offerings\":[\"Bearer abcdefghijkl\",\"flu shots\"],"
                        + "\"nested\":{\"token\":\"x\"}}");

        JsonNode shown = InstanceDetails.refsOnly(config);

        assertThat(shown.path("brand_name").asString()).isEqualTo("Clinic");
        assertThat(shown.path("api_key").asString()).isEqualTo(InstanceDetails.MASKED);
        assertThat(shown.path("offerings").get(0).asString()).isEqualTo(InstanceDetails.MASKED);
        assertThat(shown.path("offerings").get(1).asString()).isEqualTo("flu shots");
        assertThat(shown.path("nested").path("token").asString()).isEqualTo(InstanceDetails.MASKED);
        assertThat(config.path("api_key").asString()).isEqualTo("abc");
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("hired_agents").forEach(agent -> ids.add(agent.path("hired_instance_id").asString()));
        return ids;
    }

    private static java.util.List<String> values(JsonNode found, String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        found.path("hired_agents").forEach(agent -> values.add(agent.path(field).asString("")));
        return values;
    }
}
