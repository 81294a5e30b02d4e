package com.myagents.ingest;

import static com.myagents.ingest.RunningIngestApi.ADMIN;
import static com.myagents.ingest.RunningIngestApi.DEMO_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.OTHER_CUSTOMER;
import static com.myagents.ingest.RunningIngestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class HiringApiTest {

    static final String MARKETING_CONFIG = """
            {"nickname":"Sunrise","theme":"teal","primary_language":"en","timezone":"Asia/Kolkata",
             "brand_name":"Sunrise Clinic","offerings":["Flu shots","Check-ups"],"location":"Pune",
             "platforms_enabled":["linkedin","x"],
             "platform_credentials":{"linkedin":{"credential_ref":"cref_linkedin01"},"x":{"credential_ref":"cref_x0001"}},
             "review_policy":"approval_required_per_post"}""";
    static final String TRADING_CONFIG = """
            {"nickname":"Desk","theme":"slate","timezone":"Asia/Kolkata","exchange_provider":"delta_exchange_india",
             "exchange_credential_ref":"cref_delta0001","allowed_coins":["BTC","ETH"],"default_coin":"BTC",
             "risk_limits":{"max_units_per_order":5,"max_notional_inr":200000},
             "execution_policy":"approval_required_per_trade_action"}""";

    final RunningIngestApi api = RunningIngestApi.get();

    @Test
    void hiringCreatesASubscriptionAndAnUnconfiguredInstancePinnedToTheLatestVersion() {
        // a customer who never had this agent's trial (the demo customer's was used by other tests)
        com.myagents.http.identity.Principal fresh = new com.myagents.http.identity.Principal(UUID.randomUUID().toString(),
                com.myagents.http.identity.Principal.Kind.CUSTOMER, "fresh@example.test", java.util.Set.of());
        JsonNode hired = hire(fresh, "marketing.healthcare.v1");

        assertThat(hired.path("status").asString()).isEqualTo("active");
        assertThat(hired.path("trial_status").asString()).isEqualTo("not_started");
        JsonNode instance = json(api.call("GET", "/api/v1/hired-agents/by-subscription/" + hired.path("subscription_id").asString(),
                fresh, null));
        assertThat(instance.path("agent_type_version").asString()).isEqualTo("1.0.0");
        assertThat(instance.path("configured").asBoolean()).isFalse();
        assertThat(instance.path("config_violations").toString()).contains("/brand_name");
        assertThat(subscriptionIds(fresh)).contains(hired.path("subscription_id").asString());
        assertThat(subscriptionIds(OTHER_CUSTOMER)).doesNotContain(hired.path("subscription_id").asString());
    }

    @Test
    void configuredFlipsOnlyWhenTheSchemaAndTheDeclaredRulesAreSatisfiedForBothAgents() {
        String marketing = hire(DEMO_CUSTOMER, "marketing.healthcare.v1").path("subscription_id").asString();
        String trading = hire(DEMO_CUSTOMER, "trading.delta_futures.v1").path("subscription_id").asString();

        JsonNode partial = json(saveDraft(DEMO_CUSTOMER, marketing, "{\"nickname\":\"Sunrise\",\"brand_name\":\"Sunrise\"}"));
        JsonNode missingCredential = json(saveDraft(DEMO_CUSTOMER, marketing,
                MARKETING_CONFIG.replace("\"x\":{\"credential_ref\":\"cref_x0001\"}", "\"instagram\":{\"credential_ref\":\"cref_ig0001\"}")));
        JsonNode complete = json(saveDraft(DEMO_CUSTOMER, marketing, MARKETING_CONFIG));
        JsonNode trade = json(saveDraft(DEMO_CUSTOMER, trading, TRADING_CONFIG));
        HttpResponse<String> coinNotAllowed = saveDraft(DEMO_CUSTOMER, trading, TRADING_CONFIG.replace("\"default_coin\":\"BTC\"", "\"default_coin\":\"SOL\""));

        assertThat(partial.path("configured").asBoolean()).isFalse();
        assertThat(partial.path("config_violations").toString()).contains("/timezone", "/platforms_enabled");
        assertThat(missingCredential.path("configured").asBoolean()).isFalse();
        assertThat(missingCredential.path("config_violations").toString()).contains("/platform_credentials/x");
        assertThat(complete.path("configured").asBoolean()).isTrue();
        assertThat(complete.path("config_violations")).isEmpty();
        assertThat(complete.path("nickname").asString()).isEqualTo("Sunrise");
        assertThat(trade.path("configured").asBoolean()).isTrue();
        assertThat(coinNotAllowed.statusCode()).isEqualTo(400);
        assertThat(coinNotAllowed.body()).contains("/config/default_coin");
    }

    @Test
    void platformsPublishedByHandNeedNoConnectedCredential() {
        String marketing = hire(DEMO_CUSTOMER, "marketing.healthcare.v1").path("subscription_id").asString();

        JsonNode withYouTube = json(saveDraft(DEMO_CUSTOMER, marketing,
                MARKETING_CONFIG.replace("\"platforms_enabled\":[\"linkedin\",\"x\"]",
                        "\"platforms_enabled\":[\"linkedin\",\"x\",\"youtube\",\"whatsapp\"]")));

        assertThat(withYouTube.path("config_violations")).isEmpty();
        assertThat(withYouTube.path("configured").asBoolean()).isTrue();
    }

    @Test
    void invalidValuesAreRejectedWithEveryViolationsPointerAndNothingIsStored() {
        String trading = hire(DEMO_CUSTOMER, "trading.delta_futures.v1").path("subscription_id").asString();

        HttpResponse<String> response = saveDraft(DEMO_CUSTOMER, trading, TRADING_CONFIG
                .replace("\"max_units_per_order\":5", "\"max_units_per_order\":0")
                .replace("\"exchange_provider\":\"delta_exchange_india\"", "\"exchange_provider\":\"binance\"")
                .replace("\"timezone\":\"Asia/Kolkata\"", "\"timezone\":\"Mars/Olympus\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> pointers = new ArrayList<>();
        json(response).path("errors").forEach(e -> pointers.add(e.path("pointer").asString()));
        assertThat(pointers).contains("/config/risk_limits/max_units_per_order", "/config/exchange_provider", "/config/timezone");
        JsonNode stored = json(api.call("GET", "/api/v1/hired-agents/by-subscription/" + trading, DEMO_CUSTOMER, null));
        assertThat(stored.path("config").isEmpty()).isTrue();
    }

    @Test
    void aBodyDeclaredAsAnythingButUtf8JsonIsA415AndNothingIsStored() {
        String trading = hire(DEMO_CUSTOMER, "trading.delta_futures.v1").path("subscription_id").asString();
        String yaml = "subscription_id: " + trading + "\nconfig:\n  nickname: Via YAML\n";
        String json = "{\"subscription_id\":\"" + trading + "\",\"config\":{\"nickname\":\"Via UTF-16\"}}";

        List<HttpResponse<String>> answers = List.of(
                api.callRaw("PUT", "/api/v1/hired-agents/draft", DEMO_CUSTOMER, "application/yaml",
                        yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                api.callRaw("PUT", "/api/v1/hired-agents/draft", DEMO_CUSTOMER, "application/x-yaml",
                        yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                api.callRaw("PUT", "/api/v1/hired-agents/draft", DEMO_CUSTOMER, "application/json; charset=UTF-16",
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_16)),
                api.callRaw("PUT", "/api/v1/hired-agents/draft", DEMO_CUSTOMER, "application/xml",
                        "<draft/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        JsonNode stored = json(api.call("GET", "/api/v1/hired-agents/by-subscription/" + trading, DEMO_CUSTOMER, null));
        assertThat(stored.path("config").isEmpty()).isTrue();
    }

    @Test
    void tradingUnitsAndPricesHaveSaneMaximaAndNumbersBeyond64BitsAreA400() {
        String trading = hire(DEMO_CUSTOMER, "trading.delta_futures.v1").path("subscription_id").asString();

        HttpResponse<String> tooMany = saveDraft(DEMO_CUSTOMER, trading, TRADING_CONFIG
                .replace("\"max_units_per_order\":5", "\"max_units_per_order\":2000000"));
        HttpResponse<String> beyond = saveDraft(DEMO_CUSTOMER, trading, TRADING_CONFIG
                .replace("\"max_units_per_order\":5", "\"max_units_per_order\":100000000000000000000000000"));

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("/config/risk_limits/max_units_per_order");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(json(beyond).path("errors").get(0).path("pointer").asString())
                .isEqualTo("/config/risk_limits/max_units_per_order");
        JsonNode stored = json(api.call("GET", "/api/v1/hired-agents/by-subscription/" + trading, DEMO_CUSTOMER, null));
        assertThat(stored.path("config").isEmpty()).isTrue();
    }

    @Test
    void secretsAreRejectedByKeyAndByValueAtAnyDepthAndNothingIsStored() {
        String marketing = hire(DEMO_CUSTOMER, "marketing.healthcare.v1").path("subscription_id").asString();
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

        HttpResponse<String> byKey = saveDraft(DEMO_CUSTOMER, marketing,
                "{\"constraints\":{\"hashtags\":{\"required\":[]}},\"platform_credentials\":{\"x\":{\"access_token\":\"abc\"}}}");
        HttpResponse<String> byValueInAList = saveDraft(DEMO_CUSTOMER, marketing, "{\"offerings\":[\"Flu shots\",\"" + jwt + "\"]}");
        HttpResponse<String> inARef = saveDraft(DEMO_CUSTOMER, marketing,
                "{\"platform_credentials\":{\"x\":{\"credential_ref\":\"Bearer abcdef\"}}}");
        HttpResponse<String> pem = saveDraft(DEMO_CUSTOMER, marketing,
                "{\"location\":\"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\"}");
        HttpResponse<String> entropy = saveDraft(DEMO_CUSTOMER, marketing,
                "{\"posting_identity\":\"q8Zr2LxP0vKd7sWm4TyB9nHc3GfJ6aEu1Q\"}");

        assertThat(byKey.statusCode()).isEqualTo(400);
        assertThat(byKey.body()).contains("/config/platform_credentials/x/access_token");
        assertThat(byValueInAList.statusCode()).isEqualTo(400);
        assertThat(byValueInAList.body()).contains("/config/offerings/1");
        assertThat(inARef.statusCode()).isEqualTo(400);
        assertThat(pem.statusCode()).isEqualTo(400);
        assertThat(entropy.statusCode()).isEqualTo(400);
        assertThat(api.count("select count(*) from plant.hired_agents where config::text like ?", "%" + jwt + "%")).isZero();
        assertThat(api.count("select count(*) from plant.outbox where encode(payload, 'escape') like '%access_token%'")).isZero();
    }

    @Test
    void anotherCustomersIdsAreNotFoundOnEveryEndpointAndLeakNothing() {
        JsonNode mine = hire(DEMO_CUSTOMER, "marketing.healthcare.v1");
        String subscription = mine.path("subscription_id").asString();
        String instance = mine.path("hired_instance_id").asString();

        List<HttpResponse<String>> probes = List.of(
                api.call("GET", "/api/v1/hired-agents/by-subscription/" + subscription, OTHER_CUSTOMER, null),
                api.call("GET", "/api/v1/hired-agents/" + instance, OTHER_CUSTOMER, null),
                saveDraft(OTHER_CUSTOMER, subscription, MARKETING_CONFIG),
                api.call("POST", "/api/v1/hired-agents/" + instance + "/finalize", OTHER_CUSTOMER, null),
                api.call("POST", "/api/v1/hired-agents/" + instance + "/upgrade", OTHER_CUSTOMER, null));

        for (HttpResponse<String> probe : probes) {
            assertThat(probe.statusCode()).isEqualTo(404);
            assertThat(probe.body()).doesNotContain("Sunrise", "marketing.healthcare.v1");
        }
        assertThat(json(api.call("GET", "/api/v1/hired-agents/summary", OTHER_CUSTOMER, null)).toString()).doesNotContain(instance);
        assertThat(api.call("GET", "/api/v1/subscriptions", ADMIN, null).statusCode()).isEqualTo(403);
    }

    @Test
    void finalizeNeedsAConfiguredInstanceAndAGoalAndThenStartsTheTrial() {
        // a customer of its own: the demo customer already holds the marketing trial (one per agent type)
        com.myagents.http.identity.Principal customer = new com.myagents.http.identity.Principal(UUID.randomUUID().toString(),
                com.myagents.http.identity.Principal.Kind.CUSTOMER, "finalize@example.test", java.util.Set.of());
        JsonNode hired = hire(customer, "marketing.healthcare.v1");
        String subscription = hired.path("subscription_id").asString();
        String instance = hired.path("hired_instance_id").asString();

        HttpResponse<String> unconfigured = api.call("POST", "/api/v1/hired-agents/" + instance + "/finalize", customer, null);
        saveDraft(customer, subscription, MARKETING_CONFIG);
        HttpResponse<String> noGoal = api.call("POST", "/api/v1/hired-agents/" + instance + "/finalize", customer, null);
        api.execute("insert into plant.goal_instances (goal_instance_id, hired_instance_id, goal_template_id, frequency) "
                + "values (?, ?, 'marketing.weekly_multichannel_batch', 'weekly')", UUID.randomUUID(), UUID.fromString(instance));
        HttpResponse<String> finalized = api.call("POST", "/api/v1/hired-agents/" + instance + "/finalize", customer, null);

        assertThat(unconfigured.statusCode()).isEqualTo(409);
        assertThat(unconfigured.body()).contains("/brand_name");
        assertThat(noGoal.statusCode()).isEqualTo(409);
        assertThat(finalized.statusCode()).isEqualTo(200);
        assertThat(json(finalized).path("trial_status").asString()).isEqualTo("active");
        assertThat(json(finalized).path("goals_completed").asBoolean()).isTrue();
        assertThat(json(finalized).path("trial_end_at").asString()).isNotBlank();
        assertThat(api.count("select count(*) from plant.outbox where record_key = ? and topic = 'myagents.subscriptions.v1'",
                subscription)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStricterPublishedVersionLeavesPinnedInstancesAloneUntilTheyUpgrade() {
        String type = "test.strict." + System.nanoTime();
        String v1 = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"required\":[\"nickname\"],\"properties\":{\"nickname\":{\"type\":\"string\"},\"city\":{\"type\":\"string\"}}}";
        api.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN, "{\"display_name\":\"Strict\",\"config_schema\":" + v1 + "}");
        api.call("POST", "/api/v1/agent-types/" + type + "/versions/1.0.0/publish", ADMIN, api.reviewedPublish(type, "1.0.0"));
        JsonNode hired = hire(DEMO_CUSTOMER, type);
        JsonNode configured = json(saveDraft(DEMO_CUSTOMER, hired.path("subscription_id").asString(), "{\"nickname\":\"n\"}"));
        api.call("POST", "/api/v1/agent-types/" + type + "/versions", ADMIN,
                "{\"config_schema\":" + v1.replace("[\"nickname\"]", "[\"nickname\",\"city\"]") + "}");
        api.call("POST", "/api/v1/agent-types/" + type + "/versions/1.1.0/publish", ADMIN, api.reviewedPublish(type, "1.1.0"));

        JsonNode pinned = json(api.call("GET", "/api/v1/hired-agents/" + hired.path("hired_instance_id").asString(), DEMO_CUSTOMER, null));
        JsonNode upgraded = json(api.call("POST", "/api/v1/hired-agents/" + hired.path("hired_instance_id").asString() + "/upgrade",
                DEMO_CUSTOMER, null));

        assertThat(configured.path("configured").asBoolean()).isTrue();
        assertThat(pinned.path("agent_type_version").asString()).isEqualTo("1.0.0");
        assertThat(pinned.path("configured").asBoolean()).isTrue();
        assertThat(upgraded.path("agent_type_version").asString()).isEqualTo("1.1.0");
        assertThat(upgraded.path("configured").asBoolean()).isFalse();
        assertThat(upgraded.path("config_violations").toString()).contains("/city");
    }

    @Test
    void endedSubscriptionsPastRetentionAreReadOnly() {
        JsonNode hired = hire(DEMO_CUSTOMER, "marketing.healthcare.v1");
        String subscription = hired.path("subscription_id").asString();
        api.execute("update plant.subscriptions set status = 'ended', ended_at = now() - interval '60 days', "
                + "retention_until = now() - interval '1 day' where subscription_id = ?", UUID.fromString(subscription));

        HttpResponse<String> write = saveDraft(DEMO_CUSTOMER, subscription, MARKETING_CONFIG);
        JsonNode read = json(api.call("GET", "/api/v1/hired-agents/by-subscription/" + subscription, DEMO_CUSTOMER, null));

        assertThat(write.statusCode()).isEqualTo(409);
        assertThat(read.path("read_only").asBoolean()).isTrue();
    }

    @Test
    void badHiringInputIsA400NamingTheField() {
        assertThat(api.call("POST", "/api/v1/subscriptions", DEMO_CUSTOMER, "{}").body()).contains("/agent_type_id");
        assertThat(api.call("POST", "/api/v1/subscriptions", DEMO_CUSTOMER, "{\"agent_type_id\":\"nope\"}").statusCode()).isEqualTo(400);
        assertThat(api.call("PUT", "/api/v1/hired-agents/draft", DEMO_CUSTOMER, "{\"subscription_id\":\"x\",\"config\":{}}").body())
                .contains("/subscription_id");
        assertThat(api.call("PUT", "/api/v1/hired-agents/draft", DEMO_CUSTOMER,
                "{\"subscription_id\":\"" + UUID.randomUUID() + "\",\"config\":[]}").body()).contains("/config");
    }

    JsonNode hire(com.myagents.http.identity.Principal who, String agentType) {
        HttpResponse<String> response = api.call("POST", "/api/v1/subscriptions", who, "{\"agent_type_id\":\"" + agentType + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    HttpResponse<String> saveDraft(com.myagents.http.identity.Principal who, String subscriptionId, String config) {
        return api.call("PUT", "/api/v1/hired-agents/draft", who,
                "{\"subscription_id\":\"" + subscriptionId + "\",\"config\":" + config + "}");
    }

    /**
     * A finalized marketing agent of a customer of its own (its first trial starts at finalize),
     * with a weekly goal of {@code postsPerWeek} posts.
     */
    RunnableAgent runnableMarketingAgent(String email, int postsPerWeek) {
        com.myagents.http.identity.Principal customer = new com.myagents.http.identity.Principal(
                UUID.randomUUID().toString(), com.myagents.http.identity.Principal.Kind.CUSTOMER, email, java.util.Set.of());
        JsonNode hired = hire(customer, "marketing.healthcare.v1");
        saveDraft(customer, hired.path("subscription_id").asString(), MARKETING_CONFIG);
        String instance = hired.path("hired_instance_id").asString();
        String goalId = json(api.call("PUT", "/api/v1/hired-agents/" + instance + "/goals", customer,
                "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\","
                        + "\"settings\":{\"posts_per_week\":" + postsPerWeek + "}}"))
                .path("goal_instance_id").asString();
        assertThat(api.call("POST", "/api/v1/hired-agents/" + instance + "/finalize", customer, null).statusCode()).isEqualTo(200);
        return new RunnableAgent(customer, hired.path("subscription_id").asString(), instance, goalId);
    }

    record RunnableAgent(com.myagents.http.identity.Principal customer, String subscriptionId, String instance,
                         String goalId) {
    }

    List<String> subscriptionIds(com.myagents.http.identity.Principal who) {
        List<String> ids = new ArrayList<>();
        json(api.call("GET", "/api/v1/subscriptions", who, null)).path("subscriptions")
                .forEach(s -> ids.add(s.path("subscription_id").asString()));
        return ids;
    }
}
