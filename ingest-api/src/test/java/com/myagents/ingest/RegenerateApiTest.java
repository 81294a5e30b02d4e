package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.OTHER_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.serde.JsonSerde;
import com.myagents.http.identity.Principal;

import tools.jackson.databind.JsonNode;

/**
 * The customer can have one post written again (a new metered run of its goal for that
 * post alone), and attach an image of their media library to a post by editing it.
 */
class RegenerateApiTest {

    final RunningIngestApi api = RunningIngestApi.get();
    final HiringApiTest hiring = new HiringApiTest();
    final ReviewApiTest reviews = new ReviewApiTest();

    static final String MEDIA_ID = "5b1d7a52-3c0e-4f5e-9a7d-6f3f4b2c1e0a";

    record Post(Principal customer, String id, String goalId, String instance) {
    }

    @Test
    void regeneratingAnApprovedPostVoidsItsApprovalAndAsksForAOnePostRunOfItsGoal() {
        Post post = postOnARunnableAgent("social_post");
        HttpResponse<String> approved = api.call("POST", "/api/v1/deliverables/" + post.id + "/review", post.customer,
                "{\"decision\":\"approved\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        HttpResponse<String> regenerated = api.call("POST", "/api/v1/deliverables/" + post.id + "/regenerate", post.customer,
                null, "regen-request-0001");

        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(202);
        assertThat(json(regenerated).path("run_id").asString()).isEqualTo(post.goalId + ":on_demand:regen-request-0001");
        assertThat(json(regenerated).path("supersedes").asString()).isEqualTo(post.id);
        GoalTrigger trigger = lastTrigger(post.goalId);
        assertThat(trigger.runId()).isEqualTo(post.goalId + ":on_demand:regen-request-0001");
        assertThat(trigger.redraft()).isEqualTo(new GoalTrigger.Redraft(post.id, "instagram", "flu shots",
                java.time.Instant.parse("2026-12-04T04:00:00Z"), MEDIA_ID, "Flu shots this week."));
        JsonNode now = json(api.call("GET", "/api/v1/deliverables/" + post.id, post.customer, null));
        assertThat(now.path("state").asString()).isEqualTo("pending_review");
        assertThat(now.path("approval").path("verdict").asString()).isEqualTo("voided");
        assertThat(api.lastApprovalEvent(post.id).verdict()).isEqualTo(ApprovalEvent.Verdict.VOIDED);
    }

    @Test
    void aSupersededOrExecutedPostOrADraftThatIsNoPostCannotBeRegeneratedAndNoOtherCustomerCanAsk() {
        Post post = postOnARunnableAgent("social_post");
        Post plan = postOnARunnableAgent("trade_intent");

        HttpResponse<String> foreign = api.call("POST", "/api/v1/deliverables/" + post.id + "/regenerate", OTHER_CUSTOMER, null);
        HttpResponse<String> notAPost = api.call("POST", "/api/v1/deliverables/" + plan.id + "/regenerate", plan.customer, null);
        api.execute("update plant.deliverables set state = 'superseded' where deliverable_id = ?::uuid", post.id);
        HttpResponse<String> superseded = api.call("POST", "/api/v1/deliverables/" + post.id + "/regenerate", post.customer, null);
        HttpResponse<String> execute = api.call("POST", "/api/v1/deliverables/" + post.id + "/execute", post.customer,
                "{\"approval_id\":\"" + UUID.randomUUID() + "\"}");
        HttpResponse<String> review = api.call("POST", "/api/v1/deliverables/" + post.id + "/review", post.customer,
                "{\"decision\":\"approved\"}");
        JsonNode listed = json(api.call("GET", "/api/v1/hired-agents/" + post.instance + "/deliverables?state=superseded",
                post.customer, null));

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(notAPost.statusCode()).isEqualTo(409);
        assertThat(superseded.statusCode()).isEqualTo(409);
        assertThat(execute.statusCode()).isEqualTo(409);
        assertThat(execute.body()).contains("superseded");
        assertThat(review.statusCode()).isEqualTo(409);
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(api.count("select count(*) from plant.outbox where topic = ? and record_key = ?",
                Topics.GOAL_TRIGGERS.name(), post.goalId)).isZero();
    }

    /** A fixed id (not a random one: a random UUID's entropy is sometimes below the scanner's bar). */
    static final String HIGH_ENTROPY_ID = "7f3c9a1e-5b2d-4e8f-a6c0-d1b7e4f2c953";

    @Test
    void anImageIsAttachedByEditingThePostAndAnythingButAMediaIdIsRefusedNamingTheField() {
        ReviewApiTest.Draft draft = reviews.newDraft();
        String mediaId = UUID.randomUUID().toString();

        HttpResponse<String> attached = api.call("PUT", "/api/v1/deliverables/" + draft.id(), RunningIngestApi.DEMO_CUSTOMER,
                "{\"payload\":{\"platform\":\"instagram\",\"text\":\"Flu shots\",\"image\":{\"media_id\":\"" + mediaId + "\"}}}");
        // a post written again names the draft it supersedes; editing it keeps that id (an id, not a secret)
        HttpResponse<String> redrafted = api.call("PUT", "/api/v1/deliverables/" + draft.id(), RunningIngestApi.DEMO_CUSTOMER,
                "{\"payload\":{\"platform\":\"x\",\"text\":\"Again\",\"supersedes\":\"" + UUID.randomUUID() + "\"}}");
        HttpResponse<String> secret = api.call("PUT", "/api/v1/deliverables/" + draft.id(), RunningIngestApi.DEMO_CUSTOMER,
                "{\"payload\":{\"platform\":\"x\",\"text\":\"Again\",\"note\":\"" + HIGH_ENTROPY_ID + "\"}}");
        HttpResponse<String> url = api.call("PUT", "/api/v1/deliverables/" + draft.id(), RunningIngestApi.DEMO_CUSTOMER,
                "{\"payload\":{\"platform\":\"instagram\",\"text\":\"Flu shots\",\"image\":\"https://evil.example/a.jpg\"}}");
        HttpResponse<String> notUuid = api.call("PUT", "/api/v1/deliverables/" + draft.id(), RunningIngestApi.DEMO_CUSTOMER,
                "{\"payload\":{\"platform\":\"instagram\",\"text\":\"Flu shots\",\"image\":{\"media_id\":\"nope\"}}}");

        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(json(attached).path("payload").path("image").path("media_id").asString()).isEqualTo(mediaId);
        assertThat(json(attached).path("payload_hash").asString()).isEqualTo(PayloadHash.of(Map.of("platform", "instagram",
                "text", "Flu shots", "image", Map.of("media_id", mediaId))));
        assertThat(redrafted.statusCode()).as(redrafted.body()).isEqualTo(200);
        assertThat(secret.statusCode()).as("a random id anywhere else still looks like a secret").isEqualTo(400);
        assertThat(url.statusCode()).isEqualTo(400);
        assertThat(url.body()).contains("/payload/image");
        assertThat(notUuid.statusCode()).isEqualTo(400);
    }

    /** A post of a finalized marketing agent of a customer of its own, drafted by its weekly goal. */
    private Post postOnARunnableAgent(String kind) {
        HiringApiTest.RunnableAgent agent = hiring.runnableMarketingAgent("regen-" + UUID.randomUUID() + "@example.test", 1);
        Principal customer = agent.customer();
        String instance = agent.instance();
        String goalId = agent.goalId();
        String id = UUID.randomUUID().toString();
        Map<String, Object> payload = Map.of("platform", "instagram", "topic", "flu shots", "text", "Flu shots this week " + id,
                "image", Map.of("media_id", MEDIA_ID), "canonical_message", "Flu shots this week.");
        api.execute("insert into plant.deliverables (deliverable_id, run_id, goal_instance_id, goal_template_id, hired_instance_id, "
                + "subscription_id, customer_id, kind, state, payload, proposed_actions, payload_hash, suggested_for) values "
                + "(?::uuid, ?, ?::uuid, 'marketing.weekly_multichannel_batch', ?::uuid, ?::uuid, ?::uuid, ?, 'pending_review', "
                + "?::jsonb, '[\"publish\"]'::jsonb, ?, '2026-12-04T04:00:00Z'::timestamptz)", id, goalId + ":weekly:2026-W49",
                goalId, instance, agent.subscriptionId(), customer.id(), kind,
                PayloadHash.canonicalJson(payload), PayloadHash.of(payload));
        return new Post(customer, id, goalId, instance);
    }

    private GoalTrigger lastTrigger(String goalId) {
        return read(Topics.GOAL_TRIGGERS.name(), goalId, (JsonSerde<GoalTrigger>) Topics.GOAL_TRIGGERS.valueSerde());
    }

    private <V> V read(String topic, String key, JsonSerde<V> serde) {
        try (var c = java.sql.DriverManager.getConnection(api.postgres.jdbcUrl(), api.postgres.username(), api.postgres.password());
             var s = c.prepareStatement("select payload from plant.outbox where topic = ? and record_key = ? order by id desc limit 1")) {
            s.setString(1, topic);
            s.setString(2, key);
            try (var rows = s.executeQuery()) {
                assertThat(rows.next()).as("a record on " + topic).isTrue();
                return serde.read(rows.getBytes(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
