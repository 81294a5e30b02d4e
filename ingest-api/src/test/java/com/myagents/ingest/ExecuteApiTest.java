package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.DEMO_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.OTHER_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ManualPublication;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.testsupport.TopicWriter;

class ExecuteApiTest {

    static final String SAMPLE = "00000000-0000-0000-0000-00000000d001";
    final RunningIngestApi api = RunningIngestApi.get();

    @Test
    void anExecuteBecomesARequestRowAndAnOutboxEventInOneTransactionAndWaitsForTheDecision() throws Exception {
        String correlationId = "test-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> api.call("POST",
                "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER, "{}", correlationId));

        await().atMost(Duration.ofSeconds(10)).until(() -> outboxEvent(correlationId) != null);
        ExecutionRequest request = outboxEvent(correlationId);
        assertThat(request.deliverableId()).isEqualTo(SAMPLE);
        assertThat(request.customerId()).isEqualTo(RunningIngestApi.DEMO);
        assertThat(request.action()).isEqualTo("publish");
        assertThat(request.approvalId()).isNull();
        publishDecision(decision(correlationId, Outcome.DENY, ReasonCode.APPROVAL_MISSING));

        HttpResponse<String> response = call.get();
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("reason").asString()).isEqualTo("approval_missing");
        assertThat(json(response).path("correlation_id").asString()).isEqualTo(correlationId);
        assertThat(api.count("select count(*) from plant.execution_requests where correlation_id = ?", correlationId)).isEqualTo(1);
    }

    @Test
    void anAllowedDecisionAnswers202WithTheCorrelationId() throws Exception {
        String correlationId = "test-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> api.call("POST",
                "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER,
                "{\"approval_id\":\"" + UUID.randomUUID() + "\",\"action\":\"publish\"}", correlationId));
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxEvent(correlationId) != null);
        publishDecision(decision(correlationId, Outcome.ALLOW, ReasonCode.ALLOWED));

        HttpResponse<String> response = call.get();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).path("outcome").asString()).isEqualTo("allowed");
        assertThat(json(response).path("correlation_id").asString()).isEqualTo(correlationId);
    }

    @Test
    void aLateDecisionAnswers202PendingAndTheSameCorrelationIdIsARetryNotASecondRequest() {
        String correlationId = "test-" + UUID.randomUUID();

        HttpResponse<String> first = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER, "{}", correlationId);
        HttpResponse<String> retry = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER, "{}", correlationId);
        HttpResponse<String> status = api.call("GET", "/api/v1/executions/" + correlationId, DEMO_CUSTOMER, null);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).path("outcome").asString()).isEqualTo("pending");
        assertThat(json(first).path("status_url").asString()).isEqualTo("/api/v1/executions/" + correlationId);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(status.statusCode()).isEqualTo(202);
        assertThat(api.count("select count(*) from plant.execution_requests where correlation_id = ?", correlationId)).isEqualTo(1);
        // keyed by subscription: enforcement decides it in the task that holds the subscription's state
        assertThat(api.count("select count(*) from plant.outbox where record_key = (select subscription_id::text from plant.deliverables where deliverable_id = ?::uuid) and topic = ?", SAMPLE,
                Topics.EXECUTION_REQUESTS.name())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStoredDecisionIsWhatTheStatusEndpointAnswers() {
        String correlationId = "test-" + UUID.randomUUID();
        api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER, "{}", correlationId);
        api.execute("insert into plant.execution_decisions (decision_id, correlation_id, deliverable_id, outcome, reason, "
                + "detail, checks, inputs, policy_version, decided_at) values (?, ?, ?, 'deny', 'approval_missing', "
                + "'no approval_id', '[]'::jsonb, '{}'::jsonb, 'enforcement/1', now())", UUID.randomUUID(), correlationId, SAMPLE);

        HttpResponse<String> status = api.call("GET", "/api/v1/executions/" + correlationId, DEMO_CUSTOMER, null);
        HttpResponse<String> notYours = api.call("GET", "/api/v1/executions/" + correlationId, OTHER_CUSTOMER, null);

        assertThat(status.statusCode()).isEqualTo(403);
        assertThat(json(status).path("reason").asString()).isEqualTo("approval_missing");
        assertThat(notYours.statusCode()).isEqualTo(404);
    }

    @Test
    void anotherCustomersDeliverableIsNotFoundAndReusingItsCorrelationIdConflicts() {
        long before = api.count("select count(*) from plant.execution_requests");
        String correlationId = "test-" + UUID.randomUUID();
        api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER, "{}", correlationId);

        HttpResponse<String> other = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", OTHER_CUSTOMER, "{}");
        HttpResponse<String> operator = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", RunningIngestApi.ADMIN, "{}");

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(operator.statusCode()).isEqualTo(404);
        assertThat(api.count("select count(*) from plant.execution_requests")).isEqualTo(before + 1);
    }

    @Test
    void aPostMarkedAsPublishedByHandIsAnExecutionRequestCarryingTheMarkForEnforcement() throws Exception {
        String correlationId = "test-" + UUID.randomUUID();
        String approvalId = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> api.call("POST",
                "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER,
                "{\"approval_id\":\"" + approvalId + "\",\"manual\":{\"posted_url\":\"https://x.com/clinic/status/1\"}}",
                correlationId));

        await().atMost(Duration.ofSeconds(10)).until(() -> outboxEvent(correlationId) != null);
        ExecutionRequest request = outboxEvent(correlationId);
        publishDecision(decision(correlationId, Outcome.DENY, ReasonCode.APPROVAL_MISSING));

        assertThat(request.manual()).isEqualTo(new ManualPublication("https://x.com/clinic/status/1"));
        assertThat(request.approvalId()).isEqualTo(approvalId);
        assertThat(request.action()).isEqualTo("publish");
        assertThat(call.get().statusCode()).as("enforcement decides, as for any execution").isEqualTo(403);
    }

    @Test
    void aPostedUrlThatIsNoWebAddressIsA400NamingItAndWritesNothing() {
        long before = api.count("select count(*) from plant.execution_requests");

        HttpResponse<String> script = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER,
                "{\"manual\":{\"posted_url\":\"javascript:alert(1)\"}}");
        HttpResponse<String> notAUrl = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER,
                "{\"manual\":{\"posted_url\":\"not a url\"}}");

        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(json(script).path("errors").get(0).path("pointer").asString()).isEqualTo("/manual/posted_url");
        assertThat(notAUrl.statusCode()).isEqualTo(400);
        assertThat(api.count("select count(*) from plant.execution_requests")).isEqualTo(before);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        long before = api.count("select count(*) from plant.execution_requests");

        HttpResponse<String> badId = api.call("POST", "/api/v1/deliverables/not-a-uuid/execute", DEMO_CUSTOMER, "{}");
        HttpResponse<String> badApproval = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER,
                "{\"approval_id\":\"'; drop table deliverables; --\"}");
        HttpResponse<String> badAction = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER,
                "{\"action\":\"../../etc/passwd\"}");
        HttpResponse<String> unknownField = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER,
                "{\"customer_id\":\"" + RunningIngestApi.OTHER + "\"}");
        HttpResponse<String> malformed = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", DEMO_CUSTOMER, "{\"action\":");
        HttpResponse<String> anonymous = api.call("POST", "/api/v1/deliverables/" + SAMPLE + "/execute", null, "{}");

        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId).path("errors").get(0).path("pointer").asString()).isEqualTo("/deliverable_id");
        assertThat(badApproval.statusCode()).isEqualTo(400);
        assertThat(json(badApproval).path("errors").get(0).path("pointer").asString()).isEqualTo("/approval_id");
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(api.count("select count(*) from plant.execution_requests")).isEqualTo(before);
    }

    private ExecutionRequest outboxEvent(String correlationId) {
        try (var c = java.sql.DriverManager.getConnection(api.postgres.jdbcUrl(), api.postgres.username(), api.postgres.password());
             var s = c.prepareStatement("select payload from plant.outbox where topic = ? order by id desc limit 50")) {
            s.setString(1, Topics.EXECUTION_REQUESTS.name());
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    ExecutionRequest request = ((com.myagents.contracts.serde.JsonSerde<ExecutionRequest>)
                            Topics.EXECUTION_REQUESTS.valueSerde()).read(rows.getBytes(1));
                    if (correlationId.equals(request.correlationId())) {
                        return request;
                    }
                }
            }
            return null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExecutionDecision decision(String correlationId, Outcome outcome, ReasonCode reason) {
        return new ExecutionDecision(UUID.randomUUID().toString(), correlationId, SAMPLE,
                "00000000-0000-0000-0000-00000000a001", RunningIngestApi.DEMO, "publish", null, outcome, reason,
                "decided by the test", List.of(new CheckResult("test", outcome == Outcome.ALLOW, "")), Map.of(),
                "test/1", Instant.now());
    }

    private static void publishDecision(ExecutionDecision decision) {
        TopicWriter.shared().publish(Topics.EXECUTION_DECISIONS, decision.correlationId(), decision);
    }
}
