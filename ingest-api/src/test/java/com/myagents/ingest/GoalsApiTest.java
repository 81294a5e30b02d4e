package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.DEMO_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.OTHER_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;

import tools.jackson.databind.JsonNode;

class GoalsApiTest {

    final RunningIngestApi api = RunningIngestApi.get();
    final HiringApiTest hiring = new HiringApiTest();

    @Test
    void aGoalIsValidatedAgainstItsTemplateSavedListedChangedAndDeletedWithEveryChangePublished() {
        String instance = configuredMarketingInstance();

        HttpResponse<String> created = api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER,
                "{\"goal_template_id\":\"marketing.daily_education_micropost\",\"frequency\":\"daily\",\"time_of_day\":\"09:30\",\"settings\":{\"topics\":[\"hydration\"]}}");
        String goalId = json(created).path("goal_instance_id").asString();
        HttpResponse<String> disabled = api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER,
                "{\"goal_instance_id\":\"" + goalId + "\",\"goal_template_id\":\"marketing.daily_education_micropost\","
                        + "\"frequency\":\"daily\",\"time_of_day\":\"10:00\",\"settings\":{\"topics\":[\"hydration\"]},\"enabled\":false}");
        JsonNode listed = json(api.call("GET", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER, null));
        HttpResponse<String> deleted = api.call("DELETE", "/api/v1/hired-agents/" + instance + "/goals/" + goalId, DEMO_CUSTOMER, null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("time_of_day").asString()).isEqualTo("09:30");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).path("enabled").asBoolean()).isFalse();
        assertThat(listed.path("goals")).hasSize(1);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(json(api.call("GET", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER, null)).path("goals")).isEmpty();
        assertThat(api.count("select count(*) from plant.outbox where topic = ? and record_key = ?",
                Topics.GOAL_CHANGES.name(), goalId)).isEqualTo(3);
    }

    @Test
    void invalidGoalsAreRejectedWithEveryViolationsPointer() {
        String instance = configuredMarketingInstance();

        HttpResponse<String> unknownTemplate = api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER,
                "{\"goal_template_id\":\"trading.trade_intent_draft\",\"frequency\":\"on_demand\",\"settings\":{}}");
        HttpResponse<String> wrong = api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER,
                "{\"goal_template_id\":\"marketing.daily_education_micropost\",\"frequency\":\"monthly\","
                        + "\"time_of_day\":\"25:99\",\"settings\":{\"no_such_setting\":1,\"api_key\":\"x\"}}");

        assertThat(unknownTemplate.statusCode()).isEqualTo(400);
        assertThat(unknownTemplate.body()).contains("/goal_template_id");
        assertThat(wrong.statusCode()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        json(wrong).path("errors").forEach(e -> pointers.add(e.path("pointer").asString()));
        assertThat(pointers).contains("/frequency", "/time_of_day", "/settings/api_key");
        assertThat(pointers).anyMatch(p -> p.startsWith("/settings"));
    }

    @Test
    void runNowPublishesOneTriggerPerRequestIdAndNeedsAConfiguredAgent() {
        // a customer of its own: its first marketing trial starts when the instance is finalized
        HiringApiTest.RunnableAgent agent = hiring.runnableMarketingAgent("runs@example.test", 3);
        com.myagents.http.identity.Principal customer = agent.customer();
        String instance = agent.instance();
        String goalId = agent.goalId();

        HttpResponse<String> run = api.call("POST", "/api/v1/hired-agents/" + instance + "/goals/" + goalId + "/run",
                customer, null, "run-request-0001");

        assertThat(run.statusCode()).isEqualTo(202);
        assertThat(json(run).path("run_id").asString()).isEqualTo(goalId + ":on_demand:run-request-0001");
        assertThat(api.count("select count(*) from plant.outbox where topic = ? and record_key = ?",
                Topics.GOAL_TRIGGERS.name(), goalId)).isEqualTo(1);
        String unconfigured = hiring.hire(DEMO_CUSTOMER, "marketing.healthcare.v1").path("hired_instance_id").asString();
        api.execute("insert into plant.goal_instances (goal_instance_id, hired_instance_id, goal_template_id, frequency) "
                + "values ('00000000-0000-0000-0000-00000000f00d'::uuid, ?::uuid, 'marketing.weekly_multichannel_batch', 'weekly') "
                + "on conflict do nothing", unconfigured);
        assertThat(api.call("POST", "/api/v1/hired-agents/" + unconfigured + "/goals/00000000-0000-0000-0000-00000000f00d/run",
                DEMO_CUSTOMER, null).statusCode()).isEqualTo(409);
    }

    @Test
    void aGoalShowsItsLatestRunAndADeniedRunWithEnforcementsReason() {
        String instance = configuredMarketingInstance();
        HttpResponse<String> created = api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER,
                "{\"goal_template_id\":\"marketing.daily_education_micropost\",\"frequency\":\"daily\",\"time_of_day\":\"09:30\","
                        + "\"settings\":{\"topics\":[\"hydration\"]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String goalId = json(created).path("goal_instance_id").asString();
        HttpResponse<String> before = api.call("GET", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER, null);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(json(before).path("goals").get(0).path("last_run").isNull()).as(before.body()).isTrue();

        // as the materializer records them: yesterday's run completed, today's was denied by enforcement
        api.recordCompletedRun(goalId, "2026-11-26");
        api.recordEndedRun(goalId, "denied", "trial_cap_exceeded", "10 of 10 trial goal runs used on 2026-11-27 (UTC)", 0);

        JsonNode lastRun = api.lastRunOfFirstGoal(instance, DEMO_CUSTOMER);
        assertThat(lastRun.path("run_id").asString()).isEqualTo(goalId + ":daily:2026-11-27");
        assertThat(lastRun.path("status").asString()).isEqualTo("denied");
        assertThat(lastRun.path("reason").asString()).isEqualTo("trial_cap_exceeded");
        assertThat(lastRun.path("detail").asString()).contains("10 of 10 trial goal runs");
    }

    @Test
    void anotherCustomersGoalsAreNotFound() {
        String instance = configuredMarketingInstance();
        String goalId = json(api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER,
                "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\",\"settings\":{\"posts_per_week\":3}}"))
                .path("goal_instance_id").asString();

        assertThat(api.call("GET", "/api/v1/hired-agents/" + instance + "/goals", OTHER_CUSTOMER, null).statusCode()).isEqualTo(404);
        assertThat(api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", OTHER_CUSTOMER,
                "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\",\"settings\":{\"posts_per_week\":3}}")
                .statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/hired-agents/" + instance + "/goals/" + goalId, OTHER_CUSTOMER, null)
                .statusCode()).isEqualTo(404);
        assertThat(api.call("POST", "/api/v1/hired-agents/" + instance + "/goals/" + goalId + "/run", OTHER_CUSTOMER, null)
                .statusCode()).isEqualTo(404);
    }

    String configuredMarketingInstance() {
        JsonNode hired = hiring.hire(DEMO_CUSTOMER, "marketing.healthcare.v1");
        hiring.saveDraft(DEMO_CUSTOMER, hired.path("subscription_id").asString(), HiringApiTest.MARKETING_CONFIG);
        return hired.path("hired_instance_id").asString();
    }
}
