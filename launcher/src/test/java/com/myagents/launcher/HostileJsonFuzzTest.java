package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile JSON at every body-carrying public route of both doors, on the whole running
 * system: control characters and lone surrogates in strings and keys, numbers outside the 64-bit
 * range, overlong text, deep nesting, repeated keys, trailing documents, bytes that are not UTF-8, and
 * other declared types or charsets — each hidden somewhere inside a body that is otherwise the route's
 * own shape. Every answer is a 4xx problem+json (never a 5xx) and nothing is written to Plant, the
 * vault or the operators' audit of Plant changes.
 *
 * <p>A seeded generator, not a property-testing engine: the seed is in every failure message, so a
 * failing case replays exactly (jqwik 1.10 is built on JUnit Platform 1.x; this project runs on 6).
 */
class HostileJsonFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    static final int CASES_PER_ROUTE = 24;
    static final String SAMPLE = HostileInputTest.SAMPLE;
    static final String INSTANCE = HostileInputTest.MARKETING_INSTANCE;
    static final String SUBSCRIPTION = HostileInputTest.MARKETING_SUBSCRIPTION;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static String cp;
    static String pp;
    static String customer;
    static String admin;

    /** A route and a well-shaped body for it, into which one hostile part is planted. */
    record Route(String door, String method, String path, String template) {
    }

    @BeforeAll
    static void start() {
        RunningSystem.stack();
        cp = RunningSystem.cp();
        pp = "http://localhost:" + RunningSystem.options().ports().ppBackend();
        customer = new CpClient(cp).login("demo@myagents.local", "demo-password");
        admin = CpClient.json(new CpClient(pp).call("POST", "/api/pp/auth/login", null,
                "{\"email\":\"ops@myagents.local\",\"password\":\"ops-password\"}")).path("access_token").asString();
    }

    static List<Route> routes() {
        String type = "marketing.healthcare.v1";
        return List.of(
                new Route("cp", "POST", "/api/cp/auth/login", "{\"email\":%s,\"password\":\"demo-password\"}"),
                new Route("cp", "PUT", "/api/cp/hired-agents/draft", "{\"subscription_id\":\"" + SUBSCRIPTION
                        + "\",\"config\":{\"nickname\":%s,\"brand_name\":\"Clinic\"}}"),
                new Route("cp", "POST", "/api/cp/subscriptions", "{\"agent_type_id\":%s}"),
                new Route("cp", "PUT", "/api/cp/hired-agents/" + INSTANCE + "/goals",
                        "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\","
                                + "\"settings\":{\"posts_per_week\":%s}}"),
                new Route("cp", "PUT", "/api/cp/deliverables/" + SAMPLE, "{\"payload\":{\"platform\":\"linkedin\",\"text\":%s}}"),
                new Route("cp", "POST", "/api/cp/deliverables/" + SAMPLE + "/review", "{\"decision\":\"approved\",\"notes\":%s}"),
                new Route("cp", "POST", "/api/cp/deliverables/" + SAMPLE + "/execute", "{\"action\":\"publish\",\"approval_id\":%s}"),
                new Route("cp", "PUT", "/api/cp/platform-credentials", "{\"platform\":\"linkedin\",\"token\":%s}"),
                new Route("cp", "PUT", "/api/cp/exchange-setup", "{\"exchange_provider\":\"delta_exchange_india\","
                        + "\"api_key\":\"k\",\"api_secret\":\"s\",\"default_coin\":\"BTC\",\"allowed_coins\":[\"BTC\"],"
                        + "\"max_units_per_order\":%s}"),
                new Route("pp", "POST", "/api/pp/auth/login", "{\"email\":\"ops@myagents.local\",\"password\":%s}"),
                new Route("pp", "POST", "/api/pp/agent-types/" + type + "/versions", "{\"display_name\":%s}"),
                new Route("pp", "PUT", "/api/pp/agent-types/" + type + "/versions/9.9.9", "{\"description\":%s}"),
                new Route("pp", "POST", "/api/pp/agent-types/" + type + "/versions/1.0.0/validate", "{\"note\":%s}"),
                new Route("pp", "POST", "/api/pp/agent-types/" + type + "/versions/1.0.0/publish",
                        "{\"acknowledge_breaking_changes\":%s}"));
    }

    /** The hostile parts; each makes any body it is planted in unacceptable at the edge. */
    static List<Function<Random, Payload>> hostile() {
        return List.of(
                r -> json("\"a" + control(r) + "b\""),
                r -> json("\"x\\u0000y\""),
                r -> json(String.format("\"lone \\u%04x high\"", 0xd800 + r.nextInt(0x400))),
                r -> json(String.format("\"\\u%04x lone low\"", 0xdc00 + r.nextInt(0x400))),
                r -> json(bigInteger(r)),
                r -> json((r.nextBoolean() ? "-" : "") + "1e" + (308 + r.nextInt(400))),
                r -> json("0." + "0".repeat(31 + r.nextInt(20)) + "1"),
                r -> json("\"" + "w".repeat(65_537 + r.nextInt(1000)) + "\""),
                r -> json("[".repeat(40 + r.nextInt(30)) + "1" + "]".repeat(40 + r.nextInt(30))),
                r -> json("{\"k\":1,\"k\":2}"),
                r -> json("{\"k" + control(r) + "\":1}"),
                r -> json("1} {\"second\":true"),
                r -> new Payload(null, "application/json; charset=UTF-16", StandardCharsets.UTF_16),
                r -> new Payload(null, "application/yaml", StandardCharsets.UTF_8),
                r -> new Payload(null, "text/plain", StandardCharsets.UTF_8),
                r -> new Payload(null, "application/x-www-form-urlencoded", StandardCharsets.UTF_8),
                r -> new Payload(null, "application/json", StandardCharsets.UTF_16LE));
    }

    /** The planted value (or null to keep the body valid) and how the body is declared and encoded. */
    record Payload(String value, String contentType, java.nio.charset.Charset charset) {
    }

    @Test
    void everyPublicBodyRouteAnswersHostileJsonWithA4xxProblemAndWritesNothing() throws Exception {
        Map<String, Long> before = counts();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        List<Function<Random, Payload>> hostile = hostile();
        int sent = 0;

        for (Route route : routes()) {
            for (int i = 0; i < CASES_PER_ROUTE; i++) {
                Payload payload = hostile.get(random.nextInt(hostile.size())).apply(random);
                String value = payload.value() == null ? "\"plain\"" : payload.value();
                byte[] body = route.template().formatted(value).getBytes(payload.charset());
                HttpResponse<String> answer = send(route, payload.contentType(), body);
                sent++;
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !type.startsWith("application/problem+json")
                        || answer.body().contains("Exception")) {
                    failures.add("seed " + SEED + " " + route.method() + " " + route.path() + " with "
                            + abbreviate(value) + " as " + payload.contentType() + " -> " + answer.statusCode() + " "
                            + abbreviate(answer.body()));
                }
            }
        }

        assertThat(failures).as(sent + " hostile requests").isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    private static HttpResponse<String> send(Route route, String contentType, byte[] body) throws Exception {
        String base = route.door().equals("cp") ? cp : pp;
        String token = route.door().equals("cp") ? customer : admin;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + route.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        if (!route.path().endsWith("/login")) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>(HostileInputTest.plantCounts());
        counts.put("agent_type_definitions", HostileInputTest.query("select count(*) from plant.agent_type_definitions"));
        counts.put("published", HostileInputTest.query(
                "select count(*) from plant.agent_type_definitions where status = 'published'"));
        counts.put("deliverable_payloads", HostileInputTest.query(
                "select count(distinct payload_hash) from plant.deliverables"));
        counts.put("platform_credentials", HostileInputTest.query("select count(*) from cp.platform_credentials"));
        counts.put("exchange_setups", HostileInputTest.query("select count(*) from cp.exchange_setups"));
        return counts;
    }

    private static Payload json(String value) {
        return new Payload(value, "application/json", StandardCharsets.UTF_8);
    }

    /** A C0 control other than tab, line feed and carriage return, JSON-escaped, or DEL / a C1 control raw. */
    private static String control(Random random) {
        int[] controls = {0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9b};
        int c = controls[random.nextInt(controls.length)];
        return c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c);
    }

    private static String bigInteger(Random random) {
        String digits = "1" + "0".repeat(19 + random.nextInt(40));
        return random.nextBoolean() ? "-" + digits : digits;
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
