package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.publishing.SocialPlatform;

import tools.jackson.databind.JsonNode;

/**
 * On the real system: a marketing agent on all six offered platforms drafts a post for
 * each, and every approved post ends published — by a connector (a dry run here, the local default)
 * or by the customer's hand, marked posted through enforcement — never {@code unsupported_platform}.
 * Marking a post as posted without an approval is denied and audited like any execution.
 */
class EveryOfferedPlatformPublishesTest {

    static final Set<String> PUBLISHED = Set.of("executed", "dry_run", "executed_manually");

    @Test
    void anApprovedPostForEachOfTheSixPlatformsEndsPublishedNeverUnsupported() {
        CpClient door = new CpClient(RunningSystem.cp());
        // a customer of its own: the demo customer's marketing trial may be used by other journeys
        String token = Journeys.freshCustomer(door, RunningSystem.stack());
        String instance = agentOnEveryPlatform(door, token);

        Map<String, String> draftByPlatform = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode page = json(door.call("GET", "/api/cp/hired-agents/" + instance
                    + "/deliverables?state=pending_review", token, null));
            page.path("deliverables").forEach(d -> draftByPlatform.putIfAbsent(
                    d.path("payload").path("platform").asString(), d.path("deliverable_id").asString()));
            return draftByPlatform.size() == SocialPlatform.values().length;
        });

        // Marking a post as posted without an approval is denied by enforcement, with a correlation id
        String youtube = draftByPlatform.get("youtube");
        HttpResponse<String> unapproved = FullFlowTest.decided(door, token, door.call("POST", "/api/cp/deliverables/"
                + youtube + "/execute", token, "{\"manual\":{\"posted_url\":\"https://www.youtube.com/post/Ug1\"}}"));
        assertThat(unapproved.statusCode()).as(unapproved.body()).isEqualTo(403);
        assertThat(json(unapproved).path("reason").asString()).isEqualTo("approval_missing");
        String deniedCorrelation = json(unapproved).path("correlation_id").asString();

        for (SocialPlatform platform : SocialPlatform.values()) {
            String deliverable = draftByPlatform.get(platform.code());
            String approval = json(door.call("POST", "/api/cp/deliverables/" + deliverable + "/review", token,
                    "{\"decision\":\"approved\"}")).path("approval").path("approval_id").asString();
            // platforms without a connector are published by hand and marked posted; the rest by the connector
            String body = platform.hasConnector()
                    ? "{\"approval_id\":\"" + approval + "\",\"action\":\"publish\"}"
                    : "{\"approval_id\":\"" + approval + "\",\"manual\":{\"posted_url\":\"https://example.org/"
                            + platform.code() + "/1\"}}";
            HttpResponse<String> allowed = FullFlowTest.decided(door, token,
                    door.call("POST", "/api/cp/deliverables/" + deliverable + "/execute", token, body));
            assertThat(allowed.statusCode()).as(platform + ": " + allowed.body()).isEqualTo(202);

            JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                    () -> json(door.call("GET", "/api/cp/deliverables/" + deliverable, token, null)),
                    d -> !d.path("last_execution").path("result").path("status").asString("").isEmpty());
            JsonNode result = done.path("last_execution").path("result");
            assertThat(result.path("status").asString()).as(platform + ": " + result).isIn(PUBLISHED);
            assertThat(result.path("detail").asString()).as(platform.code()).doesNotContain("unsupported_platform");
            if (!platform.hasConnector()) {
                assertThat(result.path("status").asString()).isEqualTo("executed_manually");
                assertThat(result.path("external_id").asString()).isEqualTo("https://example.org/" + platform.code() + "/1");
            }
        }

        // And the denied manual publication is in the auditors' table
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> FullFlowTest
                .rowsMentioning("plant", deniedCorrelation).stream().anyMatch(row -> row.startsWith("enforcement_denials:")));
    }

    /** A marketing agent on all six platforms: the four a connector publishes to are connected. */
    private static String agentOnEveryPlatform(CpClient door, String token) {
        Map<String, String> accessTokens = new LinkedHashMap<>();
        for (SocialPlatform platform : SocialPlatform.values()) {
            if (platform.hasConnector()) {
                accessTokens.put(platform.code(), "tok" + UUID.randomUUID().toString().replace("-", ""));
            }
        }
        Journeys.Agent agent = Journeys.marketingAgent(door, token, new Journeys.MarketingSetup("Everywhere",
                List.of("x", "linkedin", "facebook", "instagram", "youtube", "whatsapp"), accessTokens, 1));
        Journeys.runNow(door, token, agent);
        return agent.instance();
    }
}
