package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * On the real system: a scheduled run of an agent that cannot run (configured but
 * never finalized, so its trial has not started) does not vanish: the goal shows it as skipped,
 * with the reason, and operators see it in the instance view.
 */
class SkippedScheduledRunTest {

    @Test
    void aScheduledRunOfAnAgentNotFinalizedIsShownOnTheGoalAsSkippedWithTheReason() {
        CpClient door = new CpClient(RunningSystem.cp());
        String token = door.login("demo@myagents.local", "demo-password");
        JsonNode hired = json(door.call("POST", "/api/cp/subscriptions", token, "{\"agent_type_id\":\"marketing.healthcare.v1\"}"));
        String instance = hired.path("hired_instance_id").asString();
        // due at the next whole minute at least 20 s away (the goal's first due time is the first after
        // it is saved, so a margin for the call is all it needs), in the goal's own zone
        String dueAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(80).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        String goals = "/api/cp/hired-agents/" + instance + "/goals";
        HttpResponse<String> goal = door.call("PUT", goals, token,
                "{\"goal_template_id\":\"marketing.daily_education_micropost\",\"frequency\":\"daily\",\"time_of_day\":\""
                        + dueAt + "\",\"timezone\":\"UTC\",\"settings\":{\"topics\":[\"hydration\"]}}");
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        assertThat(json(goal).path("timezone").asString()).isEqualTo("UTC");

        JsonNode lastRun = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> json(door.call("GET", goals, token, null)).path("goals").get(0).path("last_run"),
                        run -> "skipped".equals(run.path("status").asString()));

        // hired and given a goal, never configured nor finalized: the first thing to fix is named
        assertThat(lastRun.path("reason").asString()).isEqualTo("not_configured");
        assertThat(lastRun.path("period_key").asString()).startsWith("daily:");
        assertThat(lastRun.path("detail").asString()).isNotBlank();

        CpClient pp = new CpClient("http://localhost:" + RunningSystem.options().ports().ppBackend());
        HttpResponse<String> login = pp.call("POST", "/api/pp/auth/login", null,
                "{\"email\":\"support@myagents.local\",\"password\":\"support-password\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> view = pp.call("GET", "/api/pp/ops/hired-agents/" + instance,
                json(login).path("access_token").asString(), null);
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        assertThat(json(view).path("runs").get(0).path("status").asString()).isEqualTo("skipped");
        assertThat(json(view).path("runs").get(0).path("reason").asString()).isEqualTo("not_configured");
    }
}
