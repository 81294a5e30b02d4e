package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * On the real system: a marketing goal run costs, so enforcement checks and charges
 * it against the trial before the goal runner generates anything. The seeded definition gives a
 * trial 10 goal runs a day: the 11th drafts nothing, and its denial is on the customer's goal and
 * in the auditors' denials.
 */
class MeteredGoalRunsTest {

    static final int TRIAL_GOAL_RUNS_PER_DAY = 10;

    @Test
    void aTrialRunsGoalsUpToItsDailyCapAndTheDeniedRunIsVisibleToTheCustomerAndTheAuditors() {
        CpClient door = new CpClient(RunningSystem.cp());
        String token = Journeys.freshCustomer(door, RunningSystem.stack());
        Journeys.Agent agent = Journeys.configuredMarketingAgent(door, token);
        String goals = "/api/cp/hired-agents/" + agent.instance() + "/goals";

        List<String> allowed = new ArrayList<>();
        for (int i = 0; i < TRIAL_GOAL_RUNS_PER_DAY; i++) {
            allowed.add(run(door, token, goals + "/" + agent.goal() + "/run"));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> draftedRuns(door, token, agent.instance()), runs -> runs.containsAll(allowed));

        String denied = run(door, token, goals + "/" + agent.goal() + "/run");

        JsonNode lastRun = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(door.call("GET", goals, token, null)).path("goals").get(0).path("last_run"),
                        run -> denied.equals(run.path("run_id").asString()) && "denied".equals(run.path("status").asString()));
        assertThat(lastRun.path("reason").asString()).isEqualTo("trial_cap_exceeded");
        assertThat(lastRun.path("detail").asString()).contains("10 of 10 trial goal runs");
        assertThat(draftedRuns(door, token, agent.instance())).doesNotContain(denied).hasSize(TRIAL_GOAL_RUNS_PER_DAY);

        CpClient pp = new CpClient("http://localhost:" + RunningSystem.options().ports().ppBackend());
        HttpResponse<String> login = pp.call("POST", "/api/pp/auth/login", null,
                "{\"email\":\"auditor@myagents.local\",\"password\":\"auditor-password\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String auditor = json(login).path("access_token").asString();
        JsonNode denials = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(pp.call("GET", "/api/pp/ops/denials?correlation_id=" + denied, auditor, null)),
                        page -> page.path("denials").size() == 1);
        JsonNode denial = denials.path("denials").get(0);
        assertThat(denial.path("action").asString()).isEqualTo("goal_run");
        assertThat(denial.path("reason").asString()).isEqualTo("trial_cap_exceeded");
        assertThat(denial.path("subscription_id").asString()).isEqualTo(agent.subscription());
    }

    private static String run(CpClient door, String token, String path) {
        HttpResponse<String> run = door.call("POST", path, token, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        return json(run).path("run_id").asString();
    }

    private static Set<String> draftedRuns(CpClient door, String token, String instance) {
        JsonNode page = json(door.call("GET", "/api/cp/hired-agents/" + instance + "/deliverables?size=200", token, null));
        Set<String> runs = new HashSet<>();
        page.path("deliverables").forEach(d -> runs.add(d.path("run_id").asString()));
        return runs;
    }
}
