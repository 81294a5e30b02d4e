package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;

/**
 * Hostile input through the real single door: every answer is a 4xx problem+json, nothing is
 * written, nothing leaks, and another customer's ids are 404 on every endpoint.
 */
class HostileInputTest {

    static final String DEMO = "00000000-0000-0000-0000-0000000c0001";
    static final String MARKETING_SUBSCRIPTION = "00000000-0000-0000-0000-00000000a001";
    static final String MARKETING_INSTANCE = "00000000-0000-0000-0000-00000000b001";
    static final String SAMPLE = "00000000-0000-0000-0000-00000000d001";

    static CpClient door;
    static String demo;
    static String other;

    @BeforeAll
    static void start() {
        RunningSystem.stack();
        door = new CpClient(RunningSystem.cp());
        demo = door.login("demo@myagents.local", "demo-password");
        other = door.login("other@myagents.local", "other-password");
    }

    @Test
    void forgedExpiredAndAlgNoneTokensAreRefused() {
        byte[] realKey = Keys.decode(LocalSecrets.loadOrCreate(RunningSystem.options().dataDir()).get("customer-token-key"));
        Principal customer = new Principal(DEMO, Principal.Kind.CUSTOMER, "demo@myagents.local", Set.of());
        String expired = new IdentityTokens("cp-backend", realKey, Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC))
                .sign(customer, "cp", Duration.ofMinutes(5));
        String wrongKey = new IdentityTokens("cp-backend", Keys.decode(Keys.generate())).sign(customer, "cp", Duration.ofMinutes(5));
        String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"" + DEMO
                + "\",\"kind\":\"CUSTOMER\",\"iss\":\"cp-backend\",\"aud\":\"cp\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}") + ".";
        String valid = new IdentityTokens("cp-backend", realKey).sign(customer, "cp", Duration.ofMinutes(5));

        for (String token : List.of(expired, wrongKey, algNone, "not-a-jwt", "")) {
            assertProblem(door.call("GET", "/api/cp/my-agents/summary", token, null), 401);
        }
        assertThat(door.call("GET", "/api/cp/my-agents/summary", valid, null).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedOversizedMistypedAndUnknownInputIsA4xxAndWritesNothing() {
        Map<String, Long> before = plantCounts();
        String execute = "/api/cp/deliverables/" + SAMPLE + "/execute";

        List<HttpResponse<String>> answers = List.of(
                door.call("POST", execute, demo, "{\"approval_id\":"),
                door.call("POST", execute, demo, "{\"approval_id\":12}"),
                door.call("POST", execute, demo, "{\"approval_id\":[\"x\"]}"),
                door.call("POST", execute, demo, "{\"action\":\"publish\",\"customer_id\":\"00000000-0000-0000-0000-0000000c0002\"}"),
                door.call("POST", execute, demo, "{\"action\":\"publish'); drop table plant.deliverables; --\"}"),
                door.call("POST", execute, demo, "{\"padding\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"),
                door.call("POST", "/api/cp/deliverables/1%27%20OR%20%271%27=%271/execute", demo, "{}"),
                door.call("POST", "/api/cp/deliverables/..%2F..%2Fhired-agents/execute", demo, "{}"),
                door.call("GET", "/api/cp/hired-agents/..%2F..%2Fagent-types", demo, null),
                door.call("PUT", "/api/cp/hired-agents/draft", demo, "{\"subscription_id\":\"" + MARKETING_SUBSCRIPTION
                        + "\",\"config\":{\"offerings\":" + hugeList(20_000) + "}}"),
                door.call("PUT", "/api/cp/hired-agents/draft", demo, "{\"subscription_id\":\"" + MARKETING_SUBSCRIPTION
                        + "\",\"config\":{\"brand_name\":{\"$where\":\"1==1\"}}}"),
                door.call("POST", "/api/cp/auth/login", null, "{\"email\":\"demo@myagents.local\",\"password\":{\"$ne\":null}}"));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body().substring(0, Math.min(300, answer.body().length())))
                    .isBetween(400, 499);
            assertProblem(answer, answer.statusCode());
        }
        assertThat(plantCounts()).isEqualTo(before);
    }

    @Test
    void aNulCharacterOrANumberBeyond64BitsIsA400NamingTheFieldAndWritesNothing() {
        Map<String, Long> before = plantCounts();
        String goals = "/api/cp/hired-agents/" + MARKETING_INSTANCE + "/goals";

        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("/email", door.call("POST", "/api/cp/auth/login", null,
                "{\"email\":\"demo@myagents.local\\u0000\",\"password\":\"demo-password\"}"));
        answers.put("/config/nickname", door.call("PUT", "/api/cp/hired-agents/draft", demo, "{\"subscription_id\":\""
                + MARKETING_SUBSCRIPTION + "\",\"config\":{\"nickname\":\"Sun\\u0000rise\"}}"));
        answers.put("/payload/text", door.call("PUT", "/api/cp/deliverables/" + SAMPLE, demo,
                "{\"payload\":{\"platform\":\"linkedin\",\"text\":\"nul \\u0000 here\"}}"));
        answers.put("/settings/posts_per_week", door.call("PUT", goals, demo, "{\"goal_template_id\":"
                + "\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\",\"settings\":{\"posts_per_week\":"
                + "100000000000000000000000000}}"));
        answers.put("/max_notional_inr", door.call("PUT", "/api/cp/exchange-setup", demo, "{\"exchange_provider\":"
                + "\"delta_exchange_india\",\"api_key\":\"k\",\"api_secret\":\"s\",\"default_coin\":\"BTC\","
                + "\"allowed_coins\":[\"BTC\"],\"max_units_per_order\":1,\"max_notional_inr\":1e308}"));

        answers.forEach((pointer, answer) -> {
            assertProblem(answer, 400);
            assertThat(json(answer).path("errors").get(0).path("pointer").asString()).as(answer.body()).isEqualTo(pointer);
        });
        assertThat(plantCounts()).isEqualTo(before);
        assertThat(query("select count(*) from plant.deliverables where payload::text like '%nul %'")).isZero();
    }

    @Test
    void aDraftEditLongerThanThePlatformTakesIsRefused() {
        HttpResponse<String> answer = door.call("PUT", "/api/cp/deliverables/" + SAMPLE, demo,
                "{\"payload\":{\"platform\":\"x\",\"text\":\"" + "y".repeat(281) + "\"}}");

        assertProblem(answer, 400);
        assertThat(json(answer).path("errors").get(0).path("pointer").asString()).isEqualTo("/payload/text");
    }

    @Test
    void theDoorMintsTheCorrelationIdAndKeepsTheBrowsersOnlyAsAClientReference() {
        String offered = "spliced-into-" + UUID.randomUUID();

        HttpResponse<String> answer = door.call("GET", "/api/cp/hired-agents/" + MARKETING_INSTANCE, demo, null,
                Map.of("X-Correlation-ID", offered));

        String minted = answer.headers().firstValue("X-Correlation-ID").orElseThrow();
        assertThat(minted).isNotEqualTo(offered);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(query(
                "select count(*) from plant.access_records where correlation_id = '" + minted
                        + "' and client_correlation_id = '" + offered + "'")).isEqualTo(1));
        assertThat(query("select count(*) from plant.access_records where correlation_id = '" + offered + "'")).isZero();
    }

    @Test
    void theVaultDoesNotResolveOnCpsPublicPortAndAnAnonymousCallWritesNothing() {
        long audited = query("select count(*) from cp.credential_access_audit");
        String body = "{\"credential_ref\":\"cref_x\",\"customer_id\":\"" + DEMO
                + "\",\"purpose\":\"publish\",\"correlation_id\":\"exec-probe-0001\"}";

        HttpResponse<String> onPublicPort = door.call("POST", "/internal/vault/resolve", null, body);
        HttpResponse<String> anonymousOnVaultPort = new CpClient("http://localhost:" + RunningSystem.vaultPort())
                .call("POST", "/internal/vault/resolve", null, body);

        assertProblem(onPublicPort, 404);
        assertProblem(anonymousOnVaultPort, 401);
        assertThat(query("select count(*) from cp.credential_access_audit")).isEqualTo(audited);
    }

    @Test
    void spoofedServerOnlyHeadersChangeNothingAndAMalformedCorrelationIdIsReplaced() {
        HttpResponse<String> answer = door.call("GET", "/api/cp/hired-agents/" + MARKETING_INSTANCE, other, null, Map.of(
                "X-Customer-Id", DEMO, "X-Plant-Identity", "forged", "X-Internal-Bypass", "true",
                "X-Forwarded-For", "10.0.0.1", "X-Correlation-ID", "bad id\twith spaces"));

        assertProblem(answer, 404);
        assertThat(answer.headers().firstValue("X-Correlation-ID").orElseThrow()).doesNotContain(" ", "\t");
    }

    @Test
    void anotherCustomersIdsAreNotFoundOnEveryEndpointAndNothingOfTheirsLeaks() {
        String goal = UUID.randomUUID().toString();
        Map<String, HttpResponse<String>> probes = new LinkedHashMap<>();
        probes.put("instance", door.call("GET", "/api/cp/hired-agents/" + MARKETING_INSTANCE, other, null));
        probes.put("by-subscription", door.call("GET", "/api/cp/hired-agents/by-subscription/" + MARKETING_SUBSCRIPTION, other, null));
        probes.put("draft", door.call("PUT", "/api/cp/hired-agents/draft", other,
                "{\"subscription_id\":\"" + MARKETING_SUBSCRIPTION + "\",\"config\":{\"nickname\":\"mine now\"}}"));
        probes.put("finalize", door.call("POST", "/api/cp/hired-agents/" + MARKETING_INSTANCE + "/finalize", other, null));
        probes.put("upgrade", door.call("POST", "/api/cp/hired-agents/" + MARKETING_INSTANCE + "/upgrade", other, null));
        probes.put("goals", door.call("GET", "/api/cp/hired-agents/" + MARKETING_INSTANCE + "/goals", other, null));
        probes.put("goal-put", door.call("PUT", "/api/cp/hired-agents/" + MARKETING_INSTANCE + "/goals", other,
                "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\",\"settings\":{\"posts_per_week\":1}}"));
        probes.put("goal-delete", door.call("DELETE", "/api/cp/hired-agents/" + MARKETING_INSTANCE + "/goals/" + goal, other, null));
        probes.put("goal-run", door.call("POST", "/api/cp/hired-agents/" + MARKETING_INSTANCE + "/goals/" + goal + "/run", other, null));
        probes.put("deliverables", door.call("GET", "/api/cp/hired-agents/" + MARKETING_INSTANCE + "/deliverables", other, null));
        probes.put("deliverable", door.call("GET", "/api/cp/deliverables/" + SAMPLE, other, null));
        probes.put("edit", door.call("PUT", "/api/cp/deliverables/" + SAMPLE, other, "{\"payload\":{\"text\":\"hijacked\"}}"));
        probes.put("review", door.call("POST", "/api/cp/deliverables/" + SAMPLE + "/review", other, "{\"decision\":\"approved\"}"));
        probes.put("execute", door.call("POST", "/api/cp/deliverables/" + SAMPLE + "/execute", other, "{}"));

        probes.forEach((name, answer) -> {
            assertThat(answer.statusCode()).as(name + ": " + answer.body()).isIn(404, 400);
            assertThat(answer.body()).as(name).doesNotContain("Clinic Marketing", "Flu season", "marketing.healthcare.v1");
        });
        assertThat(probes.values().stream().filter(a -> a.statusCode() == 404).count()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void anApprovalReplayedOnAnotherDeliverableIsDenied() {
        String second = insertDemoDraft("Second post for replay " + UUID.randomUUID());
        String approvalId = json(door.call("POST", "/api/cp/deliverables/" + second + "/review", demo,
                "{\"decision\":\"approved\"}")).path("approval").path("approval_id").asString();

        HttpResponse<String> replay = FullFlowTest.decided(door, demo, door.call("POST", "/api/cp/deliverables/" + SAMPLE
                + "/execute", demo, "{\"approval_id\":\"" + approvalId + "\",\"action\":\"publish\"}"));

        assertProblem(replay, 403);
        assertThat(json(replay).path("reason").asString()).isIn("approval_mismatch", "approval_not_found");
        assertThat(json(replay).path("correlation_id").asString()).isNotBlank();
    }

    static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception", "at com.", "at org.", "SQLState", "jdbc:");
        assertThat(json(answer).path("correlation_id").asString()).isNotBlank();
    }

    static Map<String, Long> plantCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("subscriptions", "hired_agents", "goal_instances", "deliverables", "approvals",
                "execution_requests", "outbox")) {
            counts.put(table, query("select count(*) from plant." + table));
        }
        counts.put("config", query("select count(*) from plant.hired_agents where config::text like '%$where%'"));
        return counts;
    }

    static String insertDemoDraft(String text) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> payload = Map.of("platform", "linkedin", "text", text);
        execute("insert into plant.deliverables (deliverable_id, hired_instance_id, subscription_id, customer_id, kind, "
                + "state, payload, proposed_actions, payload_hash) values ('" + id + "', '" + MARKETING_INSTANCE + "', '"
                + MARKETING_SUBSCRIPTION + "', '" + DEMO + "', 'social_post', 'pending_review', '"
                + com.myagents.contracts.deliverables.PayloadHash.canonicalJson(payload).replace("'", "''")
                + "'::jsonb, '[\"publish\"]'::jsonb, '" + com.myagents.contracts.deliverables.PayloadHash.of(payload) + "')");
        return id;
    }

    static long query(String sql) {
        try (Connection c = DriverManager.getConnection(RunningSystem.stack().jdbcUrl(), "postgres", RunningSystem.postgresPassword());
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(RunningSystem.stack().jdbcUrl(), "postgres", RunningSystem.postgresPassword())) {
            c.createStatement().execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String hugeList(int size) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add("\"service " + i + "\"");
        }
        return "[" + String.join(",", items) + "]";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
