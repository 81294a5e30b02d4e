package com.myagents.cp.hub;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.myagents.cp.Demo;
import com.myagents.cp.RunningCpBackend;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.RecordingGateway;
import com.myagents.testsupport.RecordingGateway.Received;
import com.myagents.testsupport.RunningDoor;

import tools.jackson.databind.JsonNode;

class HubSummaryTest {

    private static final String PATH = "/api/cp/my-agents/summary";
    private static final String PLANT = "/api/v1/hired-agents/summary";
    private static final RecordingGateway GATEWAY = RunningCpBackend.GATEWAY;

    @RegisterExtension
    static final RunningDoor DOOR = RunningCpBackend.DOOR;

    @Test
    void summarisesEveryInstanceFromOnePlantCall() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String trialEnd = now.plus(Duration.ofDays(2).plusHours(12)).toString();
        GATEWAY.answer(PLANT, 200, "application/json", """
                {"instances":[
                 %s,
                 %s,
                 %s,
                 %s]}""".formatted(
                instance("h-active", "s-active", "Sunrise", true, true, 3, "active", "active", now.toString(), trialEnd,
                        null, false, 2),
                instance("h-new", "s-new", "Desk", false, false, 0, "active", "not_started", null, null, null, false, 0),
                instance("h-ended", "s-ended", "Old", true, true, 1, "ended", "ended_not_converted",
                        now.minus(Duration.ofDays(30)).toString(), now.minus(Duration.ofDays(23)).toString(),
                        now.minus(Duration.ofDays(1)).toString(), true, 0),
                instance("h-converted", "s-converted", "Kept", true, true, 2, "active", "ended_converted",
                        now.minus(Duration.ofDays(20)).toString(), now.minus(Duration.ofDays(13)).toString(), null, false,
                        5)));

        HttpResponse<String> response = HTTP.send(HTTP.request(PATH + "?customer_id=" + Demo.OTHER_ID)
                .header("Authorization", "Bearer " + Demo.token()).header("Accept", "text/html,application/json")
                .GET().build());

        // exactly one call to Plant, as the verified customer, without the browser's query
        Received got = GATEWAY.next();
        assertThat(GATEWAY.receivedNothing()).isTrue();
        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.path()).isEqualTo(PLANT);
        assertThat(got.rawQuery()).isNull();
        assertThat(got.header("Accept")).isEqualTo("application/json");
        Principal asserted = new IdentityTokens(Hops.GATEWAY_ISSUER, RunningCpBackend.SERVICE_KEY)
                .verify(got.header("Authorization").substring(7), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE);
        assertThat(asserted.id()).isEqualTo(Demo.CUSTOMER_ID);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("customer").get("customer_id").asString()).isEqualTo(Demo.CUSTOMER_ID);
        assertThat(body.get("customer").get("email").asString()).isEqualTo("demo@myagents.local");
        assertThat(body.get("customer").get("display_name").asString()).isEqualTo("Demo Clinic");
        assertThat(body.get("selected").asString()).isEqualTo("h-active");
        JsonNode instances = body.get("instances");
        assertThat(instances).hasSize(4);

        JsonNode active = instances.get(0);
        assertThat(active.get("subscription_id").asString()).isEqualTo("s-active");
        assertThat(active.get("hired_instance_id").asString()).isEqualTo("h-active");
        assertThat(active.get("nickname").asString()).isEqualTo("Sunrise");
        assertThat(active.get("agent_type_id").asString()).isEqualTo("marketing.healthcare.v1");
        assertThat(active.get("agent_type_version").asString()).isEqualTo("1.0.0");
        assertThat(active.get("configured").asBoolean()).isTrue();
        assertThat(active.get("goals_completed").asBoolean()).isTrue();
        assertThat(active.get("goals_count").asInt()).isEqualTo(3);
        assertThat(active.get("trial_status").asString()).isEqualTo("active");
        assertThat(active.get("trial_start_at").asString()).isEqualTo(now.toString());
        assertThat(active.get("trial_end_at").asString()).isEqualTo(trialEnd);
        assertThat(active.get("trial_days_left").asInt()).isEqualTo(3);
        assertThat(active.get("subscription_status").asString()).isEqualTo("active");
        assertThat(active.get("read_only").asBoolean()).isFalse();
        assertThat(active.get("drafts_pending_review").asInt()).isEqualTo(2);
        assertThat(active.has("config")).isFalse();
        assertThat(active.has("config_violations")).isFalse();

        JsonNode unconfigured = instances.get(1);
        assertThat(unconfigured.get("configured").asBoolean()).isFalse();
        assertThat(unconfigured.get("goals_completed").asBoolean()).isFalse();
        assertThat(unconfigured.get("trial_status").asString()).isEqualTo("not_started");
        assertThat(unconfigured.get("trial_days_left").isNull()).isTrue();
        assertThat(unconfigured.get("trial_start_at").isNull()).isTrue();

        JsonNode ended = instances.get(2);
        assertThat(ended.get("subscription_status").asString()).isEqualTo("ended");
        assertThat(ended.get("trial_status").asString()).isEqualTo("ended_not_converted");
        assertThat(ended.get("trial_days_left").asInt()).isZero();
        assertThat(ended.get("read_only").asBoolean()).isTrue();
        assertThat(ended.get("retention_until").asString()).isEqualTo(now.minus(Duration.ofDays(1)).toString());

        JsonNode converted = instances.get(3);
        assertThat(converted.get("trial_status").asString()).isEqualTo("ended_converted");
        assertThat(converted.get("trial_days_left").asInt()).isZero();
        assertThat(converted.get("drafts_pending_review").asInt()).isEqualTo(5);
    }

    @Test
    void remembersTheInstanceTheCustomerOpenedLastAndPassesThePlanOn() throws Exception {
        String first = java.util.UUID.randomUUID().toString();
        String second = java.util.UUID.randomUUID().toString();
        String plant = """
                {"instances":[%s,%s]}""".formatted(
                instance(first, "s-1", "One", true, true, 1, "active", "active", null, null, null, false, 0),
                instance(second, "s-2", "Two", true, true, 1, "active", "ended_converted", null, null, null, false, 0)
                        .replace("\"drafts_pending_review\"", "\"plan\":\"paid\",\"budget_minor_per_month\":120000,"
                                + "\"max_budget_minor_per_month\":300000,\"currency\":\"INR\",\"month_spend_minor\":4200,"
                                + "\"approval_ttl_hours\":72,\"drafts_pending_review\""));
        String before = json(summaryWhenPlantAnswers(Demo.otherToken(), 200, "application/json", plant))
                .get("selected").asString();

        HttpResponse<String> chosen = HTTP.putJson("/api/cp/my-agents/selected", Demo.otherToken(),
                "{\"hired_instance_id\":\"" + second + "\"}");
        HttpResponse<String> notAnId = HTTP.putJson("/api/cp/my-agents/selected", Demo.otherToken(),
                "{\"hired_instance_id\":\"h-2\"}");
        JsonNode after = json(summaryWhenPlantAnswers(Demo.otherToken(), 200, "application/json", plant));

        assertThat(before).isEqualTo(first);
        assertThat(chosen.statusCode()).isEqualTo(204);
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.body()).contains("/hired_instance_id");
        assertThat(GATEWAY.receivedNothing()).as("the selection is the door's own, never Plant's").isTrue();
        assertThat(after.get("selected").asString()).isEqualTo(second);
        JsonNode paid = after.get("instances").get(1);
        assertThat(paid.get("plan").asString()).isEqualTo("paid");
        assertThat(paid.get("budget_minor_per_month").asLong()).isEqualTo(120_000);
        assertThat(paid.get("max_budget_minor_per_month").asLong()).isEqualTo(300_000);
        assertThat(paid.get("month_spend_minor").asLong()).isEqualTo(4200);
        assertThat(paid.get("approval_ttl_hours").asInt()).isEqualTo(72);
    }

    @Test
    void selectsNothingWhenTheCustomerHasNoAgents() throws Exception {
        HttpResponse<String> response = summaryWhenPlantAnswers(Demo.otherToken(), 200, "application/json",
                "{\"instances\":[]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("instances")).isEmpty();
        assertThat(json(response).get("selected").isNull()).isTrue();
        assertThat(json(response).get("customer").get("display_name").asString()).isEqualTo("Other Practice");
    }

    @Test
    void passesPlantsProblemOnAsItIs() throws Exception {
        String problem = "{\"type\":\"https://myagents.dev/problems/too-many-requests\",\"title\":\"Too Many Requests\","
                + "\"status\":429,\"detail\":\"slow down\",\"correlation_id\":\"c-123456789\"}";
        HttpResponse<String> response = summaryWhenPlantAnswers(Demo.token(), 429, "application/problem+json",
                problem);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString()).isEqualTo("slow down");
    }

    @Test
    void turnsAnyOtherUpstreamFailureIntoAProblem() throws Exception {
        HttpResponse<String> unavailable = summaryWhenPlantAnswers(Demo.token(), 503, "text/html", "<html>down</html>");

        HttpResponse<String> notJson = summaryWhenPlantAnswers(Demo.token(), 200, "application/json",
                "<html>not json</html>");

        HttpResponse<String> noList = summaryWhenPlantAnswers(Demo.token(), 200, "application/json",
                "{\"something\":\"else\"}");

        HttpResponse<String> redirected = summaryWhenPlantAnswers(Demo.token(), 302, "text/plain", "elsewhere");

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unavailable.body()).doesNotContain("<html>");
        for (HttpResponse<String> response : new HttpResponse[] {notJson, noList, redirected}) {
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("correlation_id").asString()).isNotBlank();
        }
    }

    @Test
    void isNeverForwardedAsAPlantPath() {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/cp/my-agents/other")
                .header("Authorization", "Bearer " + Demo.token()).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void countsTrialDaysUpToTheNextWholeDay() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");

        assertThat(HubSummary.trialDaysLeft("active", "2026-03-01T17:00:00Z", now)).isEqualTo(1);
        assertThat(HubSummary.trialDaysLeft("active", "2026-03-08T12:00:00Z", now)).isEqualTo(7);
        assertThat(HubSummary.trialDaysLeft("active", "2026-03-01T11:00:00Z", now)).isZero();
        assertThat(HubSummary.trialDaysLeft("active", "soon", now)).isNull();
        assertThat(HubSummary.trialDaysLeft("active", null, now)).isNull();
        assertThat(HubSummary.trialDaysLeft(null, null, now)).isNull();
    }

    private static String instance(String hiredInstanceId, String subscriptionId, String nickname, boolean configured,
                                   boolean goalsCompleted, int goals, String subscriptionStatus, String trialStatus,
                                   String trialStart, String trialEnd, String retentionUntil, boolean readOnly,
                                   int pendingDrafts) {
        return """
                {"hired_instance_id":"%s","subscription_id":"%s","agent_type_id":"marketing.healthcare.v1",
                 "agent_type_version":"1.0.0","nickname":"%s","config":{"brand_name":"B"},"configured":%s,
                 "config_violations":[{"pointer":"/x","message":"m"}],"goals_count":%d,"goals_completed":%s,
                 "finalized_at":null,"subscription_status":"%s","trial_status":"%s","trial_start_at":%s,
                 "trial_end_at":%s,"retention_until":%s,"read_only":%s,"drafts_pending_review":%d}"""
                .formatted(hiredInstanceId, subscriptionId, nickname, configured, goals, goalsCompleted,
                        subscriptionStatus, trialStatus, quoted(trialStart), quoted(trialEnd), quoted(retentionUntil),
                        readOnly, pendingDrafts);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** The summary a customer gets when Plant answers its one call like this. */
    private static HttpResponse<String> summaryWhenPlantAnswers(String token, int status, String contentType,
                                                              String body) throws Exception {
        GATEWAY.answer(PLANT, status, contentType, body);
        HttpResponse<String> response = HTTP.get(PATH, token);
        GATEWAY.next();
        return response;
    }
}
