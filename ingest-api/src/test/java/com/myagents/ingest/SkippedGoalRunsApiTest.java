package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.ADMIN;
import static com.myagents.ingest.RunningIngestApi.DEMO_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A run the goal runner skipped is what the goal shows as its last run, with why, and operators see it too. */
class SkippedGoalRunsApiTest {

    final RunningIngestApi api = RunningIngestApi.get();

    @Test
    void aSkippedRunIsTheGoalsLastRunWithItsReasonAndIsListedInTheOperatorsInstanceView() {
        String instance = new GoalsApiTest().configuredMarketingInstance();
        HttpResponse<String> created = api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", DEMO_CUSTOMER,
                "{\"goal_template_id\":\"marketing.daily_education_micropost\",\"frequency\":\"daily\",\"time_of_day\":\"09:30\","
                        + "\"settings\":{\"topics\":[\"hydration\"]}}");
        String goalId = json(created).path("goal_instance_id").asString();

        // as the materializer records them: yesterday's run completed, today's was skipped by the goal runner
        api.recordCompletedRun(goalId, "2026-11-26");
        api.recordEndedRun(goalId, "skipped", "trial_ended", "the trial has ended; subscribe to keep the agent running", null);

        JsonNode lastRun = api.lastRunOfFirstGoal(instance, DEMO_CUSTOMER);
        assertThat(lastRun.path("run_id").asString()).isEqualTo(goalId + ":daily:2026-11-27");
        assertThat(lastRun.path("status").asString()).isEqualTo("skipped");
        assertThat(lastRun.path("reason").asString()).isEqualTo("trial_ended");
        assertThat(lastRun.path("detail").asString()).startsWith("the trial has ended");

        HttpResponse<String> ops = api.call("GET", "/api/v1/ops/hired-agents/" + instance, ADMIN, null);
        assertThat(ops.statusCode()).as(ops.body()).isEqualTo(200);
        JsonNode runs = json(ops).path("runs");
        assertThat(runs.toString()).contains("\"status\":\"skipped\"").contains("\"reason\":\"trial_ended\"");
    }
}
