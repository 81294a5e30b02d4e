package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.DEMO_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.OTHER_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.serde.JsonSerde;

import tools.jackson.databind.JsonNode;

class ReviewApiTest {

    final RunningIngestApi api = RunningIngestApi.get();
    final GoalsApiTest goals = new GoalsApiTest();

    @Test
    void approvingMintsAnApprovalBoundToThePayloadHashAndPublishesIt() {
        Draft draft = newDraft();

        HttpResponse<String> approved = review(draft.id, "{\"decision\":\"approved\",\"notes\":\"looks good\"}");

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        JsonNode body = json(approved);
        assertThat(body.path("state").asString()).isEqualTo("approved");
        String approvalId = body.path("approval").path("approval_id").asString();
        assertThat(approvalId).isNotBlank();
        assertThat(body.path("approval").path("reviewer").asString()).isEqualTo(RunningIngestApi.DEMO);
        assertThat(body.path("approval").path("expires_at").asString()).isNotBlank();
        ApprovalEvent event = api.lastApprovalEvent(draft.id);
        assertThat(event.approvalId()).isEqualTo(approvalId);
        assertThat(event.verdict()).isEqualTo(ApprovalEvent.Verdict.APPROVED);
        assertThat(event.payloadHash()).isEqualTo(draft.hash);
    }

    @Test
    void theClientCannotChooseTheApprovalIdAndIllegalTransitionsConflict() {
        Draft draft = newDraft();

        HttpResponse<String> smuggled = review(draft.id, "{\"decision\":\"approved\",\"approval_id\":\"" + UUID.randomUUID() + "\"}");
        HttpResponse<String> badDecision = review(draft.id, "{\"decision\":\"maybe\"}");
        api.execute("update plant.deliverables set state = 'executed' where deliverable_id = ?::uuid", draft.id);
        HttpResponse<String> afterExecution = review(draft.id, "{\"decision\":\"rejected\"}");
        HttpResponse<String> editAfterExecution = api.call("PUT", "/api/v1/deliverables/" + draft.id, DEMO_CUSTOMER,
                "{\"payload\":{\"text\":\"changed\"}}");

        assertThat(smuggled.statusCode()).isEqualTo(400);
        assertThat(badDecision.statusCode()).isEqualTo(400);
        assertThat(badDecision.body()).contains("/decision");
        assertThat(afterExecution.statusCode()).isEqualTo(409);
        assertThat(editAfterExecution.statusCode()).isEqualTo(409);
    }

    @Test
    void editingAnApprovedDraftVoidsTheApprovalAndSendsItBackToReview() {
        Draft draft = newDraft();
        review(draft.id, "{\"decision\":\"approved\"}");

        HttpResponse<String> edited = api.call("PUT", "/api/v1/deliverables/" + draft.id, DEMO_CUSTOMER,
                "{\"payload\":{\"platform\":\"linkedin\",\"text\":\"A better post\"}}");

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).path("state").asString()).isEqualTo("pending_review");
        assertThat(json(edited).path("payload_hash").asString()).isNotEqualTo(draft.hash)
                .isEqualTo(PayloadHash.of(java.util.Map.of("platform", "linkedin", "text", "A better post")));
        assertThat(json(edited).path("approval").path("verdict").asString()).isEqualTo("voided");
        assertThat(api.lastApprovalEvent(draft.id).verdict()).isEqualTo(ApprovalEvent.Verdict.VOIDED);
    }

    @Test
    void approvingWithATimeSchedulesAndBatchApprovalGivesEachItsOwnApproval() {
        Draft first = newDraft();
        Draft second = newDraft();

        HttpResponse<String> scheduled = review(first.id, "{\"decision\":\"approved\",\"scheduled_for\":\"2030-01-01T09:00:00Z\"}");
        HttpResponse<String> batch = api.call("POST", "/api/v1/deliverables/review-batch", DEMO_CUSTOMER,
                "{\"deliverable_ids\":[\"" + second.id + "\",\"" + SAMPLE_OF_OTHER + "\"],\"decision\":\"approved\"}");

        assertThat(json(scheduled).path("state").asString()).isEqualTo("scheduled");
        assertThat(json(scheduled).path("scheduled_for").asString()).startsWith("2030-01-01T09:00");
        JsonNode results = json(batch).path("results");
        assertThat(results.get(0).path("status").asString()).isEqualTo("reviewed");
        assertThat(results.get(0).path("approval_id").asString()).isNotBlank();
        assertThat(results.get(1).path("status").asString()).isEqualTo("failed");
        assertThat(results.get(1).path("problem").path("status").asInt()).isEqualTo(404);
    }

    @Test
    void aScheduledApprovalIsSubmittedOnceWhenItsTimeComesAndGoesThroughEnforcement() throws Exception {
        Draft draft = newDraft();
        // far enough ahead to still be in the future when a loaded machine gets to the review
        java.time.OffsetDateTime at = java.time.OffsetDateTime.now().plusSeconds(3);
        HttpResponse<String> reviewed = review(draft.id, "{\"decision\":\"approved\",\"scheduled_for\":\"" + at + "\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        String approvalId = json(reviewed).path("approval").path("approval_id").asString();
        var scheduler = api.context.getBean(com.myagents.ingest.execution.ScheduledExecutions.class);
        scheduler.submitDue();
        assertThat(api.count("select count(*) from plant.execution_requests where deliverable_id = ?::uuid", draft.id))
                .as("not due yet").isZero();

        Thread.sleep(Math.max(0, java.time.Duration.between(java.time.OffsetDateTime.now(), at).toMillis()) + 200);
        scheduler.submitDue();
        scheduler.submitDue();

        assertThat(api.count("select count(*) from plant.execution_requests where deliverable_id = ?::uuid and "
                + "requested_by = 'scheduler' and correlation_id = ? and approval_id = ?", draft.id,
                "scheduled-" + approvalId, approvalId)).isEqualTo(1);
        assertThat(api.count("select count(*) from plant.outbox where topic = ? and record_key = (select subscription_id::text from plant.deliverables where deliverable_id = ?::uuid)",
                Topics.EXECUTION_REQUESTS.name(), draft.id)).isEqualTo(1);
    }

    @Test
    void listingFiltersAndPagesAndNeverShowsAnotherCustomersDrafts() {
        Draft draft = newDraft();
        String instance = draft.instance;

        JsonNode pending = json(api.call("GET", "/api/v1/hired-agents/" + instance + "/deliverables?state=pending_review&platform=linkedin",
                DEMO_CUSTOMER, null));
        JsonNode none = json(api.call("GET", "/api/v1/hired-agents/" + instance + "/deliverables?state=executed", DEMO_CUSTOMER, null));
        HttpResponse<String> badState = api.call("GET", "/api/v1/hired-agents/" + instance + "/deliverables?state=nope", DEMO_CUSTOMER, null);
        api.execute("update plant.deliverables set run_id = ? where deliverable_id = ?::uuid",
                UUID.randomUUID() + ":weekly:2026-W48", draft.id);
        JsonNode inWeek = json(api.call("GET", "/api/v1/hired-agents/" + instance + "/deliverables?period=weekly:2026-W48",
                DEMO_CUSTOMER, null));
        JsonNode otherWeek = json(api.call("GET", "/api/v1/hired-agents/" + instance + "/deliverables?period=weekly:2026-W49",
                DEMO_CUSTOMER, null));
        HttpResponse<String> badPeriod = api.call("GET", "/api/v1/hired-agents/" + instance + "/deliverables?period=%27;drop",
                DEMO_CUSTOMER, null);
        HttpResponse<String> foreign = api.call("GET", "/api/v1/hired-agents/" + instance + "/deliverables", OTHER_CUSTOMER, null);
        HttpResponse<String> foreignOne = api.call("GET", "/api/v1/deliverables/" + draft.id, OTHER_CUSTOMER, null);
        HttpResponse<String> foreignReview = api.call("POST", "/api/v1/deliverables/" + draft.id + "/review", OTHER_CUSTOMER,
                "{\"decision\":\"approved\"}");

        assertThat(pending.path("total").asLong()).isEqualTo(1);
        assertThat(pending.path("deliverables").get(0).path("deliverable_id").asString()).isEqualTo(draft.id);
        assertThat(pending.path("deliverables").get(0).path("proposed_actions").get(0).asString()).isEqualTo("publish");
        assertThat(none.path("deliverables")).isEmpty();
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(inWeek.path("total").asLong()).isEqualTo(1);
        assertThat(otherWeek.path("total").asLong()).isZero();
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreignOne.statusCode()).isEqualTo(404);
        assertThat(foreignReview.statusCode()).isEqualTo(404);
    }

    static final String SAMPLE_OF_OTHER = "00000000-0000-0000-0000-00000000dfff";

    record Draft(String id, String instance, String hash) {
    }

    Draft newDraft() {
        String instance = goals.configuredMarketingInstance();
        JsonNode row = json(api.call("GET", "/api/v1/hired-agents/" + instance, DEMO_CUSTOMER, null));
        String id = UUID.randomUUID().toString();
        var payload = java.util.Map.of("platform", "linkedin", "text", "Flu shots this week " + id);
        String hash = PayloadHash.of(payload);
        api.execute("insert into plant.deliverables (deliverable_id, hired_instance_id, subscription_id, customer_id, kind, state, "
                + "payload, proposed_actions, payload_hash) values (?::uuid, ?::uuid, ?::uuid, ?::uuid, 'social_post', "
                + "'pending_review', ?::jsonb, '[\"publish\"]'::jsonb, ?)", id, instance, row.path("subscription_id").asString(),
                RunningIngestApi.DEMO, PayloadHash.canonicalJson(payload), hash);
        return new Draft(id, instance, hash);
    }

    HttpResponse<String> review(String id, String body) {
        return api.call("POST", "/api/v1/deliverables/" + id + "/review", DEMO_CUSTOMER, body);
    }
}
