package com.myagents.launcher;

import static com.myagents.launcher.OperatorDoor.json;
import static com.myagents.launcher.OperatorDoor.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * What operators see of customers' work on the running system: support finds a customer's agent
 * (by e-mail or by part of the name their identity carried), auditors drill a real execution down
 * from the customer's call through enforcement's decision to the denial or the connector's result,
 * and export denials as CSV — every view through PP, every call audited by pp-backend.
 */
class OpsViewsSystemTest {

    static final OperatorDoor PP = new OperatorDoor();
    static final String support = PP.support();
    static final String auditor = PP.auditor();

    @Test
    void supportFindsACustomersAgentByEmailAndOpensItButAuditorsSeeNoConfig() {
        Customer customer = Customer.fresh("Journey Clinic");
        String instance = customer.hireMarketing();

        HttpResponse<String> found = PP.call("GET", "/api/pp/ops/hired-agents?email=" + customer.email(), support, null);
        HttpResponse<String> opened = PP.call("GET", "/api/pp/ops/hired-agents/" + instance, support, null);
        HttpResponse<String> auditorOpens = PP.call("GET", "/api/pp/ops/hired-agents/" + instance, auditor, null);
        HttpResponse<String> auditorSearches = PP.call("GET", "/api/pp/ops/hired-agents?email=" + customer.email(),
                auditor, null);

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(values(json(found).path("hired_agents"), "hired_instance_id")).containsExactly(instance);
        assertThat(opened.statusCode()).isEqualTo(200);
        JsonNode view = json(opened).path("hired_agent");
        assertThat(view.path("customer_email").asString()).isEqualTo(customer.email());
        assertThat(view.path("customer_name").asString()).isEqualTo(customer.name());
        assertThat(view.path("configured").asBoolean()).isFalse();
        assertThat(view.path("config_violations").size()).isPositive();
        assertThat(auditorOpens.statusCode()).isEqualTo(403);
        assertThat(auditorOpens.body()).doesNotContain("config");
        assertThat(auditorSearches.statusCode()).isEqualTo(403);
        var entry = PP.audit(found.headers().firstValue("X-Correlation-ID").orElseThrow()).get(0);
        assertThat(entry.getAction()).isEqualTo("gateway:GET");
        assertThat(entry.getTarget()).isEqualTo("/api/v1/ops/hired-agents?email=" + customer.email());
        assertThat(entry.getStatusCode()).isEqualTo(200);
    }

    @Test
    void supportFindsACustomerByPartOfTheNameTheirIdentityCarriedAndSeesItBesideTheEmail() {
        String part = "Q" + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = Customer.fresh("Practice " + part);
        String instance = customer.hireMarketing();

        HttpResponse<String> found = PP.call("GET", "/api/pp/ops/hired-agents?email=" + part.toLowerCase(), support, null);

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode agent = json(found).path("hired_agents").get(0);
        assertThat(agent.path("hired_instance_id").asString()).isEqualTo(instance);
        assertThat(agent.path("customer_name").asString()).isEqualTo(customer.name());
        assertThat(agent.path("customer_email").asString()).isEqualTo(customer.email());
        assertThat(agent.path("customer_id").asString()).isEqualTo(customer.id());
    }

    @Test
    void drillsDownADeniedExecutionToTheDenialAndExportsItAsAuditedCsv() {
        Customer customer = Customer.fresh("Journey Clinic");
        Drafts drafts = customer.marketingDrafts();

        HttpResponse<String> answer = customer.execute(drafts.deliverables().get(0), "{\"action\":\"publish\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(json(answer).path("reason").asString()).isEqualTo("approval_missing");
        String correlationId = json(answer).path("correlation_id").asString();
        JsonNode drill = drillDown(correlationId, 4);
        assertThat(values(drill.path("timeline"), "stage"))
                .containsExactly("http_access", "execution_request", "decision", "denial");
        assertThat(drill.path("outcome").asString()).isEqualTo("denied");
        assertThat(drill.path("customer_name").asString()).isEqualTo(customer.name());
        JsonNode access = drill.path("timeline").get(0).path("details");
        assertThat(access.path("status").asInt()).isEqualTo(403);
        assertThat(access.path("principal_kind").asString()).isEqualTo("CUSTOMER");
        assertThat(access.path("client").asString()).isEqualTo("cp-backend");
        JsonNode decision = drill.path("timeline").get(2).path("details");
        // the real check trail: the request was well formed, then no approval was presented
        assertThat(values(decision.path("checks"), "check")).startsWith("request_well_formed").contains("approval_present");
        assertThat(decision.path("inputs").path("approval_id").asString()).isEmpty();
        JsonNode denials = json(PP.call("GET", "/api/pp/ops/denials?correlation_id=" + correlationId, auditor, null));
        assertThat(values(denials.path("denials"), "reason")).containsExactly("approval_missing");
        assertThat(values(denials.path("denials"), "customer_name")).containsExactly(customer.name());

        HttpResponse<String> csv = PP.call("GET", "/api/pp/ops/denials/export?format=csv&subscription_id="
                + drafts.subscription(), auditor, null);

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("denied_at,correlation_id,policy_version,reason");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("," + correlationId + ",").contains(",approval_missing,");
        // the door mints the correlation id of the export call: pp-backend's audit is under it
        List<com.myagents.pp.jooq.generated.tables.records.OperatorAuditRecord> exportAudit =
                PP.audit(csv.headers().firstValue("X-Correlation-ID").orElseThrow());
        var entry = exportAudit.get(exportAudit.size() - 1);
        assertThat(entry.getAction()).isEqualTo("audit:export");
        assertThat(entry.getTarget()).isEqualTo("/api/v1/audit/denials/export?format=csv&subscription_id="
                + drafts.subscription());
        assertThat(entry.getStatusCode()).isEqualTo(200);
        assertThat(entry.getDetail().data().replace(" ", "")).contains("\"format\":\"csv\"");
    }

    @Test
    void drillsDownAnAllowedExecutionThroughTheCommandToTheConnectorsResult() {
        Customer customer = Customer.fresh("Journey Clinic");
        String deliverable = customer.marketingDrafts().deliverables().get(0);
        String approvalId = json(customer.door().call("POST", "/api/cp/deliverables/" + deliverable + "/review",
                customer.token(), "{\"decision\":\"approved\"}")).path("approval").path("approval_id").asString();

        HttpResponse<String> answer = customer.execute(deliverable,
                "{\"action\":\"publish\",\"approval_id\":\"" + approvalId + "\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(json(answer).path("outcome").asString()).isEqualTo("allowed");
        String correlationId = json(answer).path("correlation_id").asString();
        JsonNode drill = drillDown(correlationId, 5);
        assertThat(values(drill.path("timeline"), "stage"))
                .containsExactly("http_access", "execution_request", "decision", "command", "connector_result");
        JsonNode result = drill.path("timeline").get(4).path("details");
        // the local default sends nothing (a dry run) unless the connectors are told to go live
        assertThat(drill.path("outcome").asString()).isEqualTo(result.path("status").asString()).isIn("executed", "dry_run");
        assertThat(drill.path("timeline").get(1).path("details").path("approval_id").asString()).isEqualTo(approvalId);
        JsonNode decisions = json(PP.call("GET", "/api/pp/ops/decisions?outcome=allow&correlation_id=" + correlationId,
                auditor, null));
        assertThat(values(decisions.path("decisions"), "decision_id"))
                .containsExactly(json(answer).path("decision_id").asString());
    }

    private static JsonNode drillDown(String correlationId, int steps) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> json(PP.call("GET", "/api/pp/ops/correlations/" + correlationId, auditor, null)),
                        drill -> drill.path("timeline").size() == steps);
    }

    record Drafts(String subscription, List<String> deliverables) {
    }

    /** A customer of the test's own, signed in at CP, with the display name their identity will carry. */
    record Customer(CpClient door, String token, String id, String email, String name) {

        static Customer fresh(String name) {
            Journeys.NewCustomer customer = Journeys.newCustomer(RunningSystem.stack(), name);
            CpClient door = new CpClient(RunningSystem.cp());
            return new Customer(door, door.login(customer.email(), "demo-password"), customer.id(), customer.email(), name);
        }

        String hireMarketing() {
            return json(door.call("POST", "/api/cp/subscriptions", token,
                    "{\"agent_type_id\":\"marketing.healthcare.v1\"}")).path("hired_instance_id").asString();
        }

        /** A configured marketing agent's first run, asked for now, and the drafts it left for review. */
        Drafts marketingDrafts() {
            Journeys.Agent agent = Journeys.configuredMarketingAgent(door, token);
            Journeys.runNow(door, token, agent);
            List<String> drafts = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> pendingReview(agent.instance()), ids -> !ids.isEmpty());
            return new Drafts(agent.subscription(), drafts);
        }

        HttpResponse<String> execute(String deliverable, String body) {
            return FullFlowTest.decided(door, token, door.call("POST", "/api/cp/deliverables/" + deliverable + "/execute",
                    token, body));
        }

        private List<String> pendingReview(String instance) {
            List<String> ids = new ArrayList<>();
            json(door.call("GET", "/api/cp/hired-agents/" + instance + "/deliverables?state=pending_review", token, null))
                    .path("deliverables").forEach(d -> ids.add(d.path("deliverable_id").asString()));
            return ids;
        }
    }
}
