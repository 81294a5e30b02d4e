package com.myagents.ingest.ops;

import static com.myagents.ingest.ops.OpsPlant.AUDITOR;
import static com.myagents.ingest.ops.OpsPlant.INTERN;
import static com.myagents.ingest.ops.OpsPlant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.ingest.ops.OpsPlant.Hired;
import com.myagents.testsupport.ExecutionDecisionBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The drill-down over the real tables and topics: the execute call is real (no enforcement runs
 * here, so it answers pending); the gateway's access record and enforcement's command travel
 * their topics; decisions, denials and results are the rows plant-store's materializer writes.
 */
class OpsCorrelationApiTest {

    final OpsPlant plant = OpsPlant.get();

    @Test
    void showsADeniedExecutionFromTheHttpCallToTheDenialWithTheChecksAndInputsThatDecidedIt() {
        Hired hired = plant.hire(OpsPlant.newCustomer(), "marketing.healthcare.v1");
        UUID deliverable = plant.draftFor(hired);
        String correlationId = "ops-denied-" + UUID.randomUUID();

        Instant received = Instant.now();
        HttpResponse<String> execute = plant.call("POST", "/api/v1/deliverables/" + deliverable + "/execute",
                hired.customer(), "{\"action\":\"publish\"}", correlationId);
        Instant decided = Instant.now();
        plant.publish(Topics.ACCESS_RECORDS, correlationId, access(correlationId, hired, deliverable, 403, received, decided));
        plant.decided(decision(correlationId, hired, deliverable, null, Outcome.DENY,
                ReasonCode.APPROVAL_MISSING, decided.plusMillis(1)));

        assertThat(execute.statusCode()).isEqualTo(202);
        JsonNode drill = timelineWithSteps(correlationId, 4);
        assertThat(stages(drill)).containsExactly("http_access", "execution_request", "decision", "denial");
        assertThat(drill.path("outcome").asString()).isEqualTo("denied");
        assertThat(drill.path("deliverable_id").asString()).isEqualTo(deliverable.toString());
        assertThat(drill.path("customer_id").asString()).isEqualTo(hired.customer().id());
        assertThat(drill.path("customer_name").asString()).isEqualTo(hired.customer().name());
        JsonNode access = drill.path("timeline").get(0);
        assertThat(access.path("source").asString()).isEqualTo("gateway");
        assertThat(access.path("details").path("status").asInt()).isEqualTo(403);
        JsonNode request = drill.path("timeline").get(1).path("details");
        assertThat(request.path("action").asString()).isEqualTo("publish");
        assertThat(request.path("approval_id").isNull()).isTrue();
        JsonNode decision = drill.path("timeline").get(2).path("details");
        assertThat(decision.path("outcome").asString()).isEqualTo("deny");
        assertThat(decision.path("checks").get(0).path("check").asString()).isEqualTo("approval_present");
        assertThat(decision.path("checks").get(0).path("passed").asBoolean()).isFalse();
        assertThat(decision.path("inputs").path("approval_id").asString()).isEqualTo("none");
        assertThat(drill.path("timeline").get(3).path("summary").asString()).contains("approval_missing");
    }

    @Test
    void showsAnAllowedExecutionThroughTheSignedCommandToTheConnectorsResult() {
        Hired hired = plant.hire(OpsPlant.newCustomer(), "marketing.healthcare.v1");
        UUID deliverable = plant.draftFor(hired);
        String approval = UUID.randomUUID().toString();
        String correlationId = "ops-allowed-" + UUID.randomUUID();

        Instant received = Instant.now();
        plant.call("POST", "/api/v1/deliverables/" + deliverable + "/execute", hired.customer(),
                "{\"action\":\"publish\",\"approval_id\":\"" + approval + "\"}", correlationId);
        Instant decided = Instant.now();
        ExecutionDecision allowed = decision(correlationId, hired, deliverable, approval, Outcome.ALLOW,
                ReasonCode.ALLOWED, decided);
        plant.publish(Topics.ACCESS_RECORDS, correlationId, access(correlationId, hired, deliverable, 202, received, decided));
        plant.decided(allowed);
        String commandId = "cmd-" + UUID.randomUUID();
        plant.publish(Topics.EXECUTION_COMMANDS, deliverable.toString(), new ExecutionCommand(commandId, correlationId,
                allowed.decisionId(), deliverable.toString(), hired.subscriptionId().toString(), hired.customer().id(),
                hired.hiredInstanceId().toString(), "publish", approval, "idem-" + deliverable,
                Map.of("text", "hello"), decided.plusMillis(2), "signature-not-stored"));
        plant.resulted(new ExecutionResult(UUID.randomUUID().toString(), commandId, correlationId,
                deliverable.toString(), hired.subscriptionId().toString(), ExecutionResult.Status.EXECUTED,
                "urn:li:share:42", "idem-" + deliverable, 100, "published", decided.plusMillis(50)));

        JsonNode drill = timelineWithSteps(correlationId, 5);
        assertThat(stages(drill)).containsExactly("http_access", "execution_request", "decision", "command",
                "connector_result");
        assertThat(drill.path("outcome").asString()).isEqualTo("executed");
        JsonNode command = drill.path("timeline").get(3).path("details");
        assertThat(command.path("command_id").asString()).isEqualTo(commandId);
        assertThat(command.path("idempotency_key").asString()).isEqualTo("idem-" + deliverable);
        assertThat(command.has("signature")).isFalse();
        assertThat(drill.path("timeline").get(4).path("details").path("external_id").asString()).isEqualTo("urn:li:share:42");
    }

    @Test
    void aRequestWithoutADecisionYetIsPending() {
        Hired hired = plant.hire(OpsPlant.newCustomer(), "marketing.healthcare.v1");
        UUID deliverable = plant.draftFor(hired);
        String correlationId = "ops-pending-" + UUID.randomUUID();

        plant.call("POST", "/api/v1/deliverables/" + deliverable + "/execute", hired.customer(), "{}", correlationId);

        JsonNode drill = json(plant.call("GET", "/api/v1/ops/correlations/" + correlationId, AUDITOR, null));
        assertThat(stages(drill)).containsExactly("execution_request");
        assertThat(drill.path("outcome").asString()).isEqualTo("pending");
    }

    @Test
    void answersUnknownAndMalformedIdsAndKeepsCustomersAndRolelessOperatorsOut() {
        assertThat(plant.call("GET", "/api/v1/ops/correlations/never-seen-" + UUID.randomUUID(), AUDITOR, null)
                .statusCode()).isEqualTo(404);
        assertThat(plant.call("GET", "/api/v1/ops/correlations/bad", AUDITOR, null).statusCode()).isEqualTo(400);
        HttpResponse<String> customer = plant.call("GET", "/api/v1/ops/correlations/whatever-123", OpsPlant.DEMO_CUSTOMER, null);
        HttpResponse<String> intern = plant.call("GET", "/api/v1/ops/correlations/whatever-123", INTERN, null);

        assertThat(customer.statusCode()).isEqualTo(404);
        assertThat(intern.statusCode()).isEqualTo(403);
        assertThat(json(intern).path("reason").asString()).isEqualTo(OperatorViews.ROLE_NOT_ALLOWED);
    }

    @Test
    void theOutcomeIsTheFurthestStageReached() {
        assertThat(CorrelationTimeline.outcome(List.of())).isEqualTo("unknown");
        assertThat(CorrelationTimeline.outcome(List.of(entry(TimelineEntry.Stage.HTTP_ACCESS, Map.of()))))
                .isEqualTo("no_execution");
        assertThat(CorrelationTimeline.outcome(List.of(entry(TimelineEntry.Stage.DECISION, Map.of("outcome", "allow")),
                entry(TimelineEntry.Stage.COMMAND, Map.of()), entry(TimelineEntry.Stage.EXECUTION_REQUEST, Map.of()))))
                .isEqualTo("allowed");
    }

    private static TimelineEntry entry(TimelineEntry.Stage stage, Map<String, Object> details) {
        return new TimelineEntry(java.time.OffsetDateTime.now(), stage, "test", "", details);
    }

    private JsonNode timelineWithSteps(String correlationId, int steps) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> json(plant.call("GET", "/api/v1/ops/correlations/" + correlationId, AUDITOR, null)),
                        drill -> drill.path("timeline").size() == steps);
    }

    private static List<String> stages(JsonNode drill) {
        List<String> stages = new ArrayList<>();
        drill.path("timeline").forEach(step -> stages.add(step.path("stage").asString()));
        return stages;
    }

    private static AccessRecord access(String correlationId, Hired hired, UUID deliverable, int status,
                                       Instant received, Instant completed) {
        return new AccessRecord(UUID.randomUUID().toString(), correlationId, "gateway", "cp-backend",
                hired.customer().id(), "CUSTOMER", "POST", "/api/v1/deliverables/" + deliverable + "/execute", status,
                Duration.between(received, completed).toMillis(), received, completed);
    }

    private static ExecutionDecision decision(String correlationId, Hired hired, UUID deliverable, String approval,
                                              Outcome outcome, ReasonCode reason, Instant at) {
        return ExecutionDecisionBuilder.decision().correlation(correlationId).deliverable(deliverable.toString())
                .subscription(hired.subscriptionId().toString()).customer(hired.customer().id()).approval(approval)
                .outcome(outcome, reason).decidedAt(at).build();
    }
}
