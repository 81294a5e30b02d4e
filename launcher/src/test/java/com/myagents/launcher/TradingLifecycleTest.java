package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.myagents.ingest.subscriptions.RetentionPurge;

import tools.jackson.databind.JsonNode;

/**
 * A trading customer's lifecycle on the real embedded system, with connectors live against a local
 * Delta Exchange stub: the trial's orders are dry runs (nothing reaches the exchange); the same
 * subscription, once paid, places real orders; a failed order retried is never placed twice; a
 * budget too small is denied; a cancelled subscription runs and executes nothing and is purged
 * after its retention.
 */
class TradingLifecycleTest {

    static DeltaExchangeStub delta;
    static LocalStack stack;
    static CpClient door;

    @BeforeAll
    static void startASystemWithLiveConnectors() throws IOException {
        delta = new DeltaExchangeStub();
        LocalStackOptions options = new LocalStackOptions(Files.createTempDirectory("myagents-trading-"),
                LocalStackOptions.Ports.free(), null, null, true, Set.of(), Map.of(
                        "myagents.execute.decision-wait", "5s",
                        "myagents.connectors.mode", "live",
                        "myagents.connectors.delta.base-url", delta.url()));
        stack = LocalStack.start(options);
        door = new CpClient("http://localhost:" + options.ports().cpBackend());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (delta != null) {
            delta.close();
        }
    }

    @Test
    void aTrialTradesAsDryRunsThenThePaidPlanTradesForRealAndRetriesNeverPlaceTwice() {
        String token = Journeys.freshCustomer(door, stack);
        Trader trader = tradingAgent(token);

        // a trial: the approved order is allowed as a dry run, and nothing reaches the exchange
        String first = draftTrade(token, trader);
        HttpResponse<String> trial = execute(token, first, approve(token, first));
        assertThat(trial.statusCode()).as(trial.body()).isEqualTo(202);
        assertThat(json(trial).path("mode").asString()).isEqualTo("dry_run");
        JsonNode dryRun = awaitState(token, first, "dry_run");
        JsonNode summary = dryRun.path("last_execution").path("result").path("request_summary");
        assertThat(summary.path("symbol").asString()).startsWith("BTC");
        assertThat(summary.path("side").asString()).isEqualTo("buy");
        String clientOrderId = summary.path("client_order_id").asString();
        assertThat(clientOrderId).isNotBlank();
        assertThat(delta.attempts()).as("a dry run sends nothing").isEmpty();

        // paid: the same deliverable, approved again, is placed for real under the client_order_id it showed
        HttpResponse<String> converted = door.call("POST", "/api/cp/subscriptions/" + trader.subscription + "/convert", token,
                "{\"budget_minor_per_month\":100000}");
        assertThat(json(converted).path("plan").asString()).as(converted.body()).isEqualTo("paid");
        // the plan reaches enforcement through the outbox; until it does, an execution is still a (harmless) dry run
        HttpResponse<String> live = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> execute(token, first, approve(token, first)), r -> "live".equals(json(r).path("mode").asString()));
        assertThat(live.statusCode()).as(live.body()).isEqualTo(202);
        awaitState(token, first, "executed");
        assertThat(delta.attempts()).containsExactly(clientOrderId);

        // a failed order retried: the same client_order_id, placed once
        String second = draftTrade(token, trader);
        delta.refuseOrders(true);
        execute(token, second, approve(token, second));
        JsonNode failed = awaitState(token, second, "failed");
        assertThat(failed.path("retryable").asBoolean()).as(failed.toString()).isTrue();
        assertThat(failed.path("failure_reason").asString()).isEqualTo("insufficient_margin");
        delta.refuseOrders(false);
        execute(token, second, approve(token, second));
        awaitState(token, second, "executed");
        String retriedId = delta.attempts().get(delta.attempts().size() - 1);
        assertThat(delta.attempts().stream().filter(retriedId::equals)).hasSize(2);
        assertThat(delta.placedWith(retriedId)).isEqualTo(1);

        // a budget smaller than an order's price: denied before anything is sent
        door.call("PUT", "/api/cp/subscriptions/" + trader.subscription + "/budget", token, "{\"budget_minor_per_month\":1}");
        String third = draftTrade(token, trader);
        String approval = approve(token, third);
        HttpResponse<String> overBudget = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> execute(token, third, approval), r -> r.statusCode() == 403);
        assertThat(json(overBudget).path("reason").asString()).isEqualTo("budget_exceeded");

        // cancelled: no runs, no executions, read-only, and purged after the retention
        HttpResponse<String> cancelled = door.call("POST", "/api/cp/subscriptions/" + trader.subscription + "/cancel", token, null);
        assertThat(json(cancelled).path("read_only").asBoolean()).as(cancelled.body()).isTrue();
        HttpResponse<String> run = door.call("POST", "/api/cp/hired-agents/" + trader.instance + "/goals/" + trader.goal + "/run",
                token, null);
        assertThat(run.statusCode()).isEqualTo(409);
        assertThat(json(run).path("reason").asString()).isEqualTo("subscription_inactive");
        HttpResponse<String> afterCancel = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> execute(token, third, approval), r -> "subscription_inactive".equals(json(r).path("reason").asString()));
        assertThat(afterCancel.statusCode()).isEqualTo(403);
        assertThat(door.call("POST", "/api/cp/deliverables/" + third + "/review", token, "{\"decision\":\"approved\"}")
                .statusCode()).isEqualTo(409);
        OffsetDateTime retention = OffsetDateTime.parse(json(cancelled).path("retention_until").asString());
        RetentionPurge purge = stack.services().values().stream()
                .filter(c -> c.getBeanNamesForType(RetentionPurge.class).length > 0).findFirst().orElseThrow()
                .getBean(RetentionPurge.class);
        assertThat(purge.purgeExpired(retention.plusHours(1))).contains(UUID.fromString(trader.subscription));
        assertThat(door.call("GET", "/api/cp/hired-agents/" + trader.instance, token, null).statusCode()).isEqualTo(404);

        // and hiring the agent type again gives no second trial
        JsonNode rehired = json(door.call("POST", "/api/cp/subscriptions", token, "{\"agent_type_id\":\"trading.delta_futures.v1\"}"));
        assertThat(rehired.path("trial_status").asString()).isEqualTo("not_eligible");
    }

    record Trader(String subscription, String instance, String goal) {
    }

    private static Trader tradingAgent(String token) {
        HttpResponse<String> keys = door.call("PUT", "/api/cp/exchange-setup", token,
                "{\"exchange_provider\":\"delta_exchange_india\",\"api_key\":\"delta-key-" + UUID.randomUUID()
                        + "\",\"api_secret\":\"delta-secret-" + UUID.randomUUID() + "\",\"default_coin\":\"BTC\","
                        + "\"allowed_coins\":[\"BTC\"],\"max_units_per_order\":2,\"max_notional_inr\":200000}");
        assertThat(keys.statusCode()).as(keys.body()).isBetween(200, 201);
        String ref = json(keys).path("credential_ref").asString();
        JsonNode hired = json(door.call("POST", "/api/cp/subscriptions", token, "{\"agent_type_id\":\"trading.delta_futures.v1\"}"));
        String subscription = hired.path("subscription_id").asString();
        String instance = hired.path("hired_instance_id").asString();
        HttpResponse<String> configured = door.call("PUT", "/api/cp/hired-agents/draft", token,
                "{\"subscription_id\":\"" + subscription + "\",\"config\":{\"nickname\":\"Desk\",\"theme\":\"slate\","
                        + "\"timezone\":\"Asia/Kolkata\",\"exchange_provider\":\"delta_exchange_india\","
                        + "\"exchange_credential_ref\":\"" + ref + "\",\"allowed_coins\":[\"BTC\"],\"default_coin\":\"BTC\","
                        + "\"risk_limits\":{\"max_units_per_order\":2,\"max_notional_inr\":200000},"
                        + "\"execution_policy\":\"approval_required_per_trade_action\"}}");
        assertThat(json(configured).path("configured").asBoolean()).as(configured.body()).isTrue();
        HttpResponse<String> goal = door.call("PUT", "/api/cp/hired-agents/" + instance + "/goals", token,
                "{\"goal_template_id\":\"trading.trade_intent_draft\",\"frequency\":\"on_demand\",\"settings\":{\"coin\":\"BTC\","
                        + "\"intent\":\"enter\",\"side\":\"buy\",\"units\":1,\"order_type\":\"limit\",\"limit_price\":60000}}");
        assertThat(goal.statusCode()).as(goal.body()).isEqualTo(201);
        HttpResponse<String> finalized = door.call("POST", "/api/cp/hired-agents/" + instance + "/finalize", token, null);
        assertThat(json(finalized).path("trial_status").asString()).as(finalized.body()).isEqualTo("active");
        return new Trader(subscription, instance, json(goal).path("goal_instance_id").asString());
    }

    /** Runs the goal now and returns the trade plan it drafts. */
    private static String draftTrade(String token, Trader trader) {
        String path = "/api/cp/hired-agents/" + trader.instance + "/deliverables?state=pending_review";
        HttpResponse<String> run = door.call("POST", "/api/cp/hired-agents/" + trader.instance + "/goals/" + trader.goal + "/run",
                token, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        JsonNode page = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(door.call("GET", path, token, null)), p -> p.path("total").asInt() >= 1);
        return page.path("deliverables").get(0).path("deliverable_id").asString();
    }

    private static String approve(String token, String deliverable) {
        HttpResponse<String> reviewed = door.call("POST", "/api/cp/deliverables/" + deliverable + "/review", token,
                "{\"decision\":\"approved\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isBetween(200, 201);
        return json(reviewed).path("approval").path("approval_id").asString();
    }

    private static HttpResponse<String> execute(String token, String deliverable, String approval) {
        return FullFlowTest.decided(door, token, door.call("POST", "/api/cp/deliverables/" + deliverable + "/execute", token,
                "{\"approval_id\":\"" + approval + "\",\"action\":\"place_order\"}"));
    }

    private static JsonNode awaitState(String token, String deliverable, String state) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(door.call("GET", "/api/cp/deliverables/" + deliverable, token, null)),
                        d -> state.equals(d.path("state").asString()));
    }
}
