package com.myagents.pp.platform;

import static com.myagents.pp.platform.AgentManagementPlatformTest.audit;
import static com.myagents.pp.platform.AgentManagementPlatformTest.json;
import static com.myagents.pp.platform.AgentManagementPlatformTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.ExecutionDecisionBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The ops views through pp-backend on the running platform. The correlation drill-down follows a
 * customer's real execute call: the gateway records it on the access-records topic, ingest-api
 * writes the request and publishes it through its outbox; the test answers as enforcement would
 * (decision, denial or signed command, then the connector's result) on the real topics, and
 * plant-store's materializer writes the rows the drill-down reads.
 */
class OpsViewsPlatformTest {

    static final RunningPlatform PLATFORM = RunningPlatform.get();
    static final String support = PLATFORM.operators().support();
    static final String auditor = PLATFORM.operators().auditor();

    @Test
    void supportFindsACustomersAgentByEmailAndOpensItButAuditorsSeeNoConfig() {
        Principal customer = RunningPlatform.newCustomer();
        JsonNode hired = PLATFORM.asCustomerOk(customer, "POST", "/api/v1/subscriptions",
                "{\"agent_type_id\":\"marketing.healthcare.v1\"}");
        String instance = hired.path("hired_instance_id").asString();
        String searchId = "pp-ops-search-" + UUID.randomUUID();

        HttpResponse<String> found = PLATFORM.pp("GET", "/api/pp/ops/hired-agents?email=" + customer.email(), support,
                null, searchId);
        HttpResponse<String> opened = PLATFORM.pp("GET", "/api/pp/ops/hired-agents/" + instance, support, null);
        HttpResponse<String> auditorOpens = PLATFORM.pp("GET", "/api/pp/ops/hired-agents/" + instance, auditor, null);
        HttpResponse<String> auditorSearches = PLATFORM.pp("GET", "/api/pp/ops/hired-agents?email=" + customer.email(),
                auditor, null);

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(values(json(found).path("hired_agents"), "hired_instance_id")).containsExactly(instance);
        assertThat(opened.statusCode()).isEqualTo(200);
        JsonNode view = json(opened);
        assertThat(view.path("hired_agent").path("customer_email").asString()).isEqualTo(customer.email());
        assertThat(view.path("hired_agent").path("customer_name").asString()).isEqualTo(customer.name());
        assertThat(view.path("hired_agent").path("configured").asBoolean()).isFalse();
        assertThat(view.path("hired_agent").path("config_violations").size()).isPositive();
        assertThat(auditorOpens.statusCode()).isEqualTo(403);
        assertThat(auditorOpens.body()).doesNotContain("config");
        assertThat(auditorSearches.statusCode()).isEqualTo(403);
        var entry = audit(found.headers().firstValue("X-Correlation-ID").orElseThrow()).get(0);
        assertThat(entry.getAction()).isEqualTo("gateway:GET");
        assertThat(entry.getTarget()).isEqualTo("/api/v1/ops/hired-agents?email=" + customer.email());
        assertThat(entry.getStatusCode()).isEqualTo(200);
    }

    @Test
    void supportFindsACustomerByPartOfTheNameTheirIdentityCarriedAndSeesItBesideTheEmail() {
        Principal customer = RunningPlatform.newCustomer();
        JsonNode hired = PLATFORM.asCustomerOk(customer, "POST", "/api/v1/subscriptions",
                "{\"agent_type_id\":\"marketing.healthcare.v1\"}");
        // the last part of the id: in the name, not in the email
        String part = customer.name().substring("Practice ".length()).toUpperCase();

        HttpResponse<String> found = PLATFORM.pp("GET", "/api/pp/ops/hired-agents?email=" + part, support, null);

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode agent = json(found).path("hired_agents").get(0);
        assertThat(agent.path("hired_instance_id").asString()).isEqualTo(hired.path("hired_instance_id").asString());
        assertThat(agent.path("customer_name").asString()).isEqualTo(customer.name());
        assertThat(agent.path("customer_email").asString()).isEqualTo(customer.email());
        assertThat(agent.path("customer_id").asString()).isEqualTo(customer.id());
    }

    @Test
    void drillsDownADeniedExecutionFromTheCustomersCallToTheDenial() throws Exception {
        Customer customer = customerWithDraft();
        String correlationId = "pp-drill-denied-" + UUID.randomUUID();

        CompletableFuture<HttpResponse<String>> execute = CompletableFuture.supplyAsync(() -> PLATFORM.asCustomer(
                customer.principal(), "POST", "/api/v1/deliverables/" + customer.deliverableId() + "/execute",
                "{\"action\":\"publish\"}", correlationId));
        ExecutionRequest request = PLATFORM.awaitExecutionRequest(correlationId);
        ExecutionDecision denied = decide(request, Outcome.DENY, ReasonCode.APPROVAL_MISSING, "no approval_id was sent");
        PLATFORM.publish(Topics.EXECUTION_DECISIONS, correlationId, denied);
        PLATFORM.publish(Topics.ENFORCEMENT_DENIALS, request.subscriptionId(), EnforcementDenial.of(denied));
        HttpResponse<String> answer = execute.get();

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(json(answer).path("reason").asString()).isEqualTo("approval_missing");
        JsonNode drill = drillDown(correlationId, 4);
        assertThat(values(drill.path("timeline"), "stage"))
                .containsExactly("http_access", "execution_request", "decision", "denial");
        assertThat(drill.path("outcome").asString()).isEqualTo("denied");
        JsonNode access = drill.path("timeline").get(0).path("details");
        assertThat(access.path("status").asInt()).isEqualTo(403);
        assertThat(access.path("principal_kind").asString()).isEqualTo("CUSTOMER");
        assertThat(access.path("client").asString()).isEqualTo("cp-backend");
        JsonNode decision = drill.path("timeline").get(2).path("details");
        assertThat(decision.path("checks").get(0).path("check").asString()).isEqualTo("approval_present");
        assertThat(decision.path("inputs").path("approval_id").asString()).isEqualTo("none");
        JsonNode denials = json(PLATFORM.pp("GET", "/api/pp/ops/denials?correlation_id=" + correlationId, auditor, null));
        assertThat(values(denials.path("denials"), "reason")).containsExactly("approval_missing");
        assertThat(values(denials.path("denials"), "customer_name")).containsExactly(customer.principal().name());
        assertThat(drill.path("customer_name").asString()).isEqualTo(customer.principal().name());
    }

    @Test
    void drillsDownAnAllowedExecutionThroughTheCommandToTheConnectorsResult() throws Exception {
        Customer customer = customerWithDraft();
        JsonNode reviewed = PLATFORM.asCustomerOk(customer.principal(), "POST", "/api/v1/deliverables/"
                + customer.deliverableId() + "/review", "{\"decision\":\"approved\"}");
        String approvalId = reviewed.path("approval").path("approval_id").asString();
        String correlationId = "pp-drill-allowed-" + UUID.randomUUID();

        CompletableFuture<HttpResponse<String>> execute = CompletableFuture.supplyAsync(() -> PLATFORM.asCustomer(
                customer.principal(), "POST", "/api/v1/deliverables/" + customer.deliverableId() + "/execute",
                "{\"action\":\"publish\",\"approval_id\":\"" + approvalId + "\"}", correlationId));
        ExecutionRequest request = PLATFORM.awaitExecutionRequest(correlationId);
        ExecutionDecision allowed = decide(request, Outcome.ALLOW, ReasonCode.ALLOWED, "every check passed");
        PLATFORM.publish(Topics.EXECUTION_DECISIONS, correlationId, allowed);
        HttpResponse<String> answer = execute.get();
        String commandId = "cmd-" + UUID.randomUUID();
        PLATFORM.publish(Topics.EXECUTION_COMMANDS, request.deliverableId(), new ExecutionCommand(commandId, correlationId,
                allowed.decisionId(), request.deliverableId(), request.subscriptionId(), request.customerId(),
                request.hiredInstanceId(), "publish", approvalId, "idem-" + request.deliverableId(), Map.of(),
                Instant.now(), "signed"));
        PLATFORM.publish(Topics.EXECUTION_RESULTS, request.deliverableId(), new ExecutionResult(UUID.randomUUID().toString(),
                commandId, correlationId, request.deliverableId(), request.subscriptionId(), ExecutionResult.Status.EXECUTED,
                "urn:li:share:7", "idem-" + request.deliverableId(), 100, "published", Instant.now().plusMillis(5)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode drill = drillDown(correlationId, 5);
        assertThat(values(drill.path("timeline"), "stage"))
                .containsExactly("http_access", "execution_request", "decision", "command", "connector_result");
        assertThat(drill.path("outcome").asString()).isEqualTo("executed");
        assertThat(drill.path("timeline").get(1).path("details").path("approval_id").asString()).isEqualTo(approvalId);
        assertThat(drill.path("timeline").get(4).path("details").path("external_id").asString()).isEqualTo("urn:li:share:7");
        JsonNode decisions = json(PLATFORM.pp("GET", "/api/pp/ops/decisions?outcome=allow&correlation_id=" + correlationId,
                auditor, null));
        assertThat(values(decisions.path("decisions"), "decision_id")).containsExactly(allowed.decisionId());
    }

    record Customer(Principal principal, String deliverableId) {
    }

    /** A customer's hired marketing agent with one draft from a goal run, as the drafts topic delivers it. */
    private static Customer customerWithDraft() {
        Principal customer = RunningPlatform.newCustomer();
        JsonNode hired = PLATFORM.asCustomerOk(customer, "POST", "/api/v1/subscriptions",
                "{\"agent_type_id\":\"marketing.healthcare.v1\"}");
        String deliverableId = UUID.randomUUID().toString();
        Map<String, Object> payload = Map.of("platform", "linkedin", "text", "Flu shots this week " + deliverableId);
        PLATFORM.publish(Topics.DELIVERABLE_DRAFTS, deliverableId, new DeliverableDraft(deliverableId, null, null,
                "marketing.daily_education_micropost", hired.path("hired_instance_id").asString(),
                hired.path("subscription_id").asString(), customer.id(), "social_post", payload, List.of("publish"),
                PayloadHash.of(payload), Instant.now(), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> PLATFORM.asCustomer(customer, "GET",
                "/api/v1/deliverables/" + deliverableId, null, null).statusCode() == 200);
        return new Customer(customer, deliverableId);
    }

    private static ExecutionDecision decide(ExecutionRequest request, Outcome outcome, ReasonCode reason, String detail) {
        return ExecutionDecisionBuilder.on(request).outcome(outcome, reason).detail(detail).build();
    }

    private static JsonNode drillDown(String correlationId, int steps) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> json(PLATFORM.pp("GET", "/api/pp/ops/correlations/" + correlationId, auditor, null)),
                        drill -> drill.path("timeline").size() == steps);
    }
}
