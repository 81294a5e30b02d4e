package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.ADMIN;
import static com.myagents.ingest.RunningIngestApi.SUPPORT;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.http.identity.Principal;
import com.myagents.ingest.subscriptions.RetentionPurge;

import tools.jackson.databind.JsonNode;

/**
 * A customer's whole lifecycle through the HTTP API: trial → paid plan (and its budget), one trial
 * per customer and agent type, runs refused in words when they cannot happen, cancel → read-only
 * → purged after the definition's retention (with a moved clock), an operator's trial extension.
 */
class SubscriptionLifecycleApiTest {

    final RunningIngestApi api = RunningIngestApi.get();
    final HiringApiTest hiring = new HiringApiTest();
    final Principal customer = new Principal(UUID.randomUUID().toString(), Principal.Kind.CUSTOMER,
            "lifecycle@example.test", Set.of());

    @Test
    void aTrialConvertsToAPaidPlanWithinTheDefinitionsBudgetAndPublishesIt() {
        Agent agent = finalizedMarketingAgent();

        HttpResponse<String> tooMuch = convert(agent, 300_001);
        HttpResponse<String> none = api.call("POST", "/api/v1/subscriptions/" + agent.subscription + "/convert", customer, "{}");
        HttpResponse<String> converted = convert(agent, 120_000);
        HttpResponse<String> again = convert(agent, 120_000);
        HttpResponse<String> raised = api.call("PUT", "/api/v1/subscriptions/" + agent.subscription + "/budget", customer,
                "{\"budget_minor_per_month\":250000}");

        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("/budget_minor_per_month", "300000");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        JsonNode paid = json(converted);
        assertThat(paid.path("trial_status").asString()).isEqualTo("ended_converted");
        assertThat(paid.path("plan").asString()).isEqualTo("paid");
        assertThat(paid.path("budget_minor_per_month").asLong()).isEqualTo(120_000);
        assertThat(paid.path("max_budget_minor_per_month").asLong()).isEqualTo(300_000);
        assertThat(paid.path("currency").asString()).isEqualTo("INR");
        assertThat(paid.path("month_spend_minor").asLong()).isZero();
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(raised).path("budget_minor_per_month").asLong()).isEqualTo(250_000);
        assertThat(api.count("select count(*) from plant.billing_events where subscription_id = ?::uuid",
                agent.subscription)).isEqualTo(2);
        assertThat(api.count("select count(*) from plant.outbox where topic = ? and record_key = ? "
                + "and convert_from(payload, 'UTF8')::jsonb ->> 'budget_minor_per_month' = '250000'",
                Topics.SUBSCRIPTIONS.name(), agent.subscription)).isEqualTo(1);
    }

    @Test
    void aReHireOfAnAgentTypeWhoseTrialWasUsedGetsNoSecondTrialAndMustSubscribe() {
        finalizedMarketingAgent();

        JsonNode second = hiring.hire(customer, "marketing.healthcare.v1");
        Agent again = new Agent(second.path("subscription_id").asString(), second.path("hired_instance_id").asString());
        configureAndAddGoal(again);
        JsonNode finalized = json(api.call("POST", "/api/v1/hired-agents/" + again.instance + "/finalize", customer, null));
        String goal = goalOf(again);
        HttpResponse<String> run = runNow(again, goal);

        assertThat(second.path("trial_status").asString()).isEqualTo("not_eligible");
        assertThat(finalized.path("trial_status").asString()).isEqualTo("not_eligible");
        assertThat(finalized.path("plan").asString()).isEqualTo("none");
        assertThat(run.statusCode()).isEqualTo(409);
        assertThat(json(run).path("reason").asString()).isEqualTo("not_eligible");
        assertThat(json(convert(again, 1000)).path("plan").asString()).isEqualTo("paid");
        assertThat(runNow(again, goal).statusCode()).isEqualTo(202);
    }

    @Test
    void aSecondHireBeforeEitherTrialStartsGetsNoTrialAndTheFirstKeepsIt() {
        JsonNode first = hiring.hire(customer, "marketing.healthcare.v1");
        JsonNode second = hiring.hire(customer, "marketing.healthcare.v1");
        Agent one = new Agent(first.path("subscription_id").asString(), first.path("hired_instance_id").asString());
        Agent two = new Agent(second.path("subscription_id").asString(), second.path("hired_instance_id").asString());
        configureAndAddGoal(two);
        configureAndAddGoal(one);

        JsonNode secondFinalized = json(api.call("POST", "/api/v1/hired-agents/" + two.instance + "/finalize", customer, null));
        JsonNode firstFinalized = json(api.call("POST", "/api/v1/hired-agents/" + one.instance + "/finalize", customer, null));

        assertThat(first.path("trial_status").asString()).isEqualTo("not_started");
        assertThat(second.path("trial_status").asString()).isEqualTo("not_eligible");
        assertThat(secondFinalized.path("trial_status").asString()).as("finalizing the second first starts no trial")
                .isEqualTo("not_eligible");
        assertThat(secondFinalized.hasNonNull("trial_end_at")).isFalse();
        assertThat(json(runNow(two, goalOf(two))).path("reason").asString()).isEqualTo("not_eligible");
        assertThat(firstFinalized.path("trial_status").asString()).isEqualTo("active");
        assertThat(runNow(one, goalOf(one)).statusCode()).isEqualTo(202);
        assertThat(hiring.hire(customer, "trading.delta_futures.v1").path("trial_status").asString())
                .as("the rule is per agent type").isEqualTo("not_started");
    }

    @Test
    void aSubscriptionCancelledBeforeItsTrialStartedLeavesTheTrialToTheNextHire() {
        JsonNode abandoned = hiring.hire(customer, "marketing.healthcare.v1");
        HttpResponse<String> cancelled = api.call("POST", "/api/v1/subscriptions/" + abandoned.path("subscription_id").asString()
                + "/cancel", customer, null);

        JsonNode next = hiring.hire(customer, "marketing.healthcare.v1");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(next.path("trial_status").asString()).isEqualTo("not_started");
        assertThat(hiring.hire(customer, "marketing.healthcare.v1").path("trial_status").asString())
                .as("while that one is active, a third hire gets none").isEqualTo("not_eligible");
    }

    @Test
    void finalizingASecondTrialHiredBeforeTheRuleIsRefusedWithTheNextStepAndSubscribingStartsIt() {
        Agent started = finalizedMarketingAgent();
        JsonNode hired = hiring.hire(customer, "marketing.healthcare.v1");
        Agent legacy = new Agent(hired.path("subscription_id").asString(), hired.path("hired_instance_id").asString());
        // as a second hire stored before hiring checked for a pending trial
        api.execute("update plant.subscriptions set trial_status = 'not_started' where subscription_id = ?::uuid", legacy.subscription);
        configureAndAddGoal(legacy);

        HttpResponse<String> refused = api.call("POST", "/api/v1/hired-agents/" + legacy.instance + "/finalize", customer, null);
        HttpResponse<String> paid = convert(legacy, 1000);
        HttpResponse<String> finalized = api.call("POST", "/api/v1/hired-agents/" + legacy.instance + "/finalize", customer, null);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("reason").asString()).isEqualTo("trial_already_used");
        assertThat(json(refused).path("next_step").asString()).contains("Subscribe");
        assertThat(api.count("select count(*) from plant.subscriptions where subscription_id = ?::uuid and trial_start_at is null",
                legacy.subscription)).as("nothing half-written").isEqualTo(1);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(200);
        assertThat(json(finalized).path("plan").asString()).isEqualTo("paid");
        assertThat(runNow(legacy, goalOf(legacy)).statusCode()).isEqualTo(202);
        assertThat(runNow(started, goalOf(started)).statusCode()).isEqualTo(202);
    }

    @Test
    void runNowOnAnInstanceThatCannotRunIsRefusedWithTheReasonAndTheNextStep() {
        JsonNode hired = hiring.hire(customer, "marketing.healthcare.v1");
        Agent agent = new Agent(hired.path("subscription_id").asString(), hired.path("hired_instance_id").asString());
        configureAndAddGoal(agent);
        String goal = goalOf(agent);

        HttpResponse<String> unfinalized = runNow(agent, goal);

        assertThat(unfinalized.statusCode()).isEqualTo(409);
        assertThat(unfinalized.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(json(unfinalized).path("reason").asString()).isEqualTo("not_finalized");
        assertThat(json(unfinalized).path("next_step").asString()).contains("Finalize");
        assertThat(api.count("select count(*) from plant.outbox where topic = ? and record_key = ?",
                Topics.GOAL_TRIGGERS.name(), goal)).isZero();
    }

    @Test
    void aCancelledSubscriptionRunsNothingIsReadOnlyAndIsPurgedAfterItsRetention() {
        Agent agent = finalizedMarketingAgent();
        String goal = goalOf(agent);

        HttpResponse<String> cancelled = api.call("POST", "/api/v1/subscriptions/" + agent.subscription + "/cancel", customer, null);
        HttpResponse<String> run = runNow(agent, goal);
        HttpResponse<String> edit = api.call("PUT", "/api/v1/hired-agents/draft", customer,
                "{\"subscription_id\":\"" + agent.subscription + "\",\"config\":" + HiringApiTest.MARKETING_CONFIG + "}");
        RetentionPurge purge = api.context.getBean(RetentionPurge.class);
        JsonNode view = json(cancelled);
        OffsetDateTime retentionUntil = OffsetDateTime.parse(view.path("retention_until").asString());

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(view.path("subscription_status").asString()).isEqualTo("cancelled");
        assertThat(view.path("read_only").asBoolean()).isTrue();
        assertThat(ChronoUnit.DAYS.between(OffsetDateTime.parse(view.path("ended_at").asString()), retentionUntil)).isEqualTo(30);
        assertThat(run.statusCode()).isEqualTo(409);
        assertThat(json(run).path("reason").asString()).isEqualTo("subscription_inactive");
        assertThat(edit.statusCode()).isEqualTo(409);
        assertThat(json(edit).path("reason").asString()).isEqualTo("subscription_inactive");
        assertThat(json(edit).path("next_step").asString()).contains("hire it again");
        assertThat(api.call("GET", "/api/v1/hired-agents/" + agent.instance, customer, null).statusCode())
                .as("still readable during retention").isEqualTo(200);

        assertThat(purge.purgeExpired(retentionUntil.minusMinutes(1))).doesNotContain(UUID.fromString(agent.subscription));
        assertThat(purge.purgeExpired(retentionUntil.plusMinutes(1))).contains(UUID.fromString(agent.subscription));

        assertThat(api.call("GET", "/api/v1/hired-agents/" + agent.instance, customer, null).statusCode()).isEqualTo(404);
        assertThat(api.count("select count(*) from plant.goal_instances where goal_instance_id = ?::uuid", goal)).isZero();
        assertThat(api.count("select count(*) from plant.subscriptions where subscription_id = ?::uuid and status = 'ended'",
                agent.subscription)).as("the subscription row stays for billing and the one-trial rule").isEqualTo(1);
        assertThat(hiring.hire(customer, "marketing.healthcare.v1").path("trial_status").asString()).isEqualTo("not_eligible");
    }

    @Test
    void anAdminExtendsATrialAndOthersCannot() {
        Agent agent = finalizedMarketingAgent();
        OffsetDateTime end = OffsetDateTime.parse(json(api.call("GET", "/api/v1/hired-agents/" + agent.instance, customer, null))
                .path("trial_end_at").asString());

        HttpResponse<String> bySupport = api.call("POST", "/api/v1/ops/subscriptions/" + agent.subscription + "/extend-trial",
                SUPPORT, "{\"days\":5}");
        HttpResponse<String> byCustomer = api.call("POST", "/api/v1/ops/subscriptions/" + agent.subscription + "/extend-trial",
                customer, "{\"days\":5}");
        HttpResponse<String> tooLong = api.call("POST", "/api/v1/ops/subscriptions/" + agent.subscription + "/extend-trial",
                ADMIN, "{\"days\":400}");
        HttpResponse<String> extended = api.call("POST", "/api/v1/ops/subscriptions/" + agent.subscription + "/extend-trial",
                ADMIN, "{\"days\":5,\"reason\":\"onboarding call\"}");

        assertThat(bySupport.statusCode()).isEqualTo(403);
        assertThat(byCustomer.statusCode()).isEqualTo(404);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(json(extended).path("trial_end_at").asString())).isEqualTo(end.plusDays(5));
    }

    @Test
    void anApprovalLivesAsLongAsThePinnedDefinitionSays() {
        String deliverable = postIn(finalizedMarketingAgent(), "pending_review");

        HttpResponse<String> reviewed = api.call("POST", "/api/v1/deliverables/" + deliverable + "/review", customer,
                "{\"decision\":\"approved\"}");
        JsonNode approval = json(api.call("GET", "/api/v1/deliverables/" + deliverable, customer, null)).path("approval");

        assertThat(reviewed.statusCode()).as(reviewed.body()).isBetween(200, 201);
        assertThat(ChronoUnit.HOURS.between(OffsetDateTime.parse(approval.path("decided_at").asString()),
                OffsetDateTime.parse(approval.path("expires_at").asString()))).as("marketing: 72 h").isEqualTo(72);
    }

    @Test
    void aFailedDeliverableCanBeReviewedAgainForARetry() {
        String deliverable = postIn(finalizedMarketingAgent(), "failed");

        HttpResponse<String> reviewed = api.call("POST", "/api/v1/deliverables/" + deliverable + "/review", customer,
                "{\"decision\":\"approved\"}");

        assertThat(reviewed.statusCode()).as(reviewed.body()).isBetween(200, 201);
        assertThat(json(api.call("GET", "/api/v1/deliverables/" + deliverable, customer, null)).path("state").asString())
                .isEqualTo("approved");
    }

    record Agent(String subscription, String instance) {
    }

    /** A post of the agent's in {@code state}; returns its deliverable id. */
    private String postIn(Agent agent, String state) {
        String deliverable = UUID.randomUUID().toString();
        api.execute("insert into plant.deliverables (deliverable_id, hired_instance_id, subscription_id, customer_id, kind, state, "
                + "payload, proposed_actions, payload_hash) values (?::uuid, ?::uuid, ?::uuid, ?::uuid, 'social_post', ?, "
                + "'{\"platform\":\"linkedin\",\"text\":\"hi\"}', '[\"publish\"]', 'h')", deliverable, agent.instance,
                agent.subscription, customer.id(), state);
        return deliverable;
    }

    private Agent finalizedMarketingAgent() {
        JsonNode hired = hiring.hire(customer, "marketing.healthcare.v1");
        Agent agent = new Agent(hired.path("subscription_id").asString(), hired.path("hired_instance_id").asString());
        configureAndAddGoal(agent);
        JsonNode finalized = json(api.call("POST", "/api/v1/hired-agents/" + agent.instance + "/finalize", customer, null));
        assertThat(finalized.path("trial_status").asString()).as(finalized.toString()).isEqualTo("active");
        return agent;
    }

    private void configureAndAddGoal(Agent agent) {
        assertThat(hiring.saveDraft(customer, agent.subscription, HiringApiTest.MARKETING_CONFIG).statusCode()).isEqualTo(200);
        HttpResponse<String> goal = api.call("PUT", "/api/v1/hired-agents/" + agent.instance + "/goals", customer,
                "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\",\"settings\":{\"posts_per_week\":2}}");
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
    }

    private String goalOf(Agent agent) {
        return json(api.call("GET", "/api/v1/hired-agents/" + agent.instance + "/goals", customer, null))
                .path("goals").get(0).path("goal_instance_id").asString();
    }

    private HttpResponse<String> runNow(Agent agent, String goal) {
        return api.call("POST", "/api/v1/hired-agents/" + agent.instance + "/goals/" + goal + "/run", customer, null,
                "run-" + UUID.randomUUID());
    }

    private HttpResponse<String> convert(Agent agent, long budget) {
        return api.call("POST", "/api/v1/subscriptions/" + agent.subscription + "/convert", customer,
                "{\"budget_minor_per_month\":" + budget + "}");
    }
}
