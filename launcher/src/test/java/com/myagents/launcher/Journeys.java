package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Customer journeys the system tests share, through the real door. */
final class Journeys {

    record Agent(String subscription, String instance, String goal, String credentialRef) {
    }

    /** bcrypt (cost 12) of "demo-password", as the demo seed stores it. */
    static final String DEMO_PASSWORD_HASH = "$2b$12$vhgEPqVy0y5muJSp9s1evu0/iqsbH58k6Qg7pMuF4.IT142C6FSkS";

    private Journeys() {
    }

    /**
     * A customer of the test's own (password "demo-password"), signed in: a trial is granted once per
     * customer and agent type, so every journey that starts a trial needs a customer who has not had one.
     */
    static String freshCustomer(CpClient door, LocalStack stack) {
        return freshCustomer(door, stack.jdbcUrl(),
                LocalSecrets.loadOrCreate(stack.dataDir()).get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD));
    }

    /** As {@link #freshCustomer(CpClient, LocalStack)}, on a database reached with this superuser password. */
    static String freshCustomer(CpClient door, String jdbcUrl, String superuserPassword) {
        return door.login(freshCustomerEmail(jdbcUrl, superuserPassword), "demo-password");
    }

    /** A new customer (password "demo-password") who is not signed in: its email, e.g. for the browser journeys. */
    static String freshCustomerEmail(LocalStack stack) {
        return freshCustomerEmail(stack.jdbcUrl(),
                LocalSecrets.loadOrCreate(stack.dataDir()).get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD));
    }

    /** A new customer (password "demo-password") nobody has signed in as yet: its email. */
    static String freshCustomerEmail(String jdbcUrl, String superuserPassword) {
        return newCustomer(jdbcUrl, superuserPassword, "Journey Clinic").email();
    }

    /** A customer inserted as the demo seed inserts one (password "demo-password"), nobody signed in as yet. */
    record NewCustomer(String id, String email) {
    }

    static NewCustomer newCustomer(LocalStack stack, String displayName) {
        return newCustomer(stack.jdbcUrl(), LocalSecrets.loadOrCreate(stack.dataDir())
                .get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD), displayName);
    }

    static NewCustomer newCustomer(String jdbcUrl, String superuserPassword, String displayName) {
        NewCustomer customer = new NewCustomer(UUID.randomUUID().toString(), "customer-" + UUID.randomUUID() + "@example.test");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", superuserPassword);
             java.sql.PreparedStatement insert = c.prepareStatement("insert into cp.customers (customer_id, email, "
                     + "password_hash, display_name) values (?, ?, ?, ?)")) {
            insert.setObject(1, UUID.fromString(customer.id()));
            insert.setString(2, customer.email());
            insert.setString(3, DEMO_PASSWORD_HASH);
            insert.setString(4, displayName);
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return customer;
    }

    /**
     * A marketing agent for a journey: its nickname, the platforms it posts to, an access token for
     * each one connected (in order; the first one's credential is {@link Agent#credentialRef()}) and
     * the posts its weekly goal asks for.
     */
    record MarketingSetup(String nickname, List<String> platforms, Map<String, String> accessTokens, int postsPerWeek) {
    }

    /** Hire a marketing agent, connect LinkedIn with {@code secret}, configure it, add a weekly goal, finalize. */
    static Agent configuredMarketingAgent(CpClient door, String token, String secret) {
        return marketingAgent(door, token, new MarketingSetup("Flow", List.of("linkedin"), Map.of("linkedin", secret), 2));
    }

    static Agent configuredMarketingAgent(CpClient door, String token) {
        return configuredMarketingAgent(door, token, "AQX" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Hire the agent, connect its platforms, configure it, add its weekly goal and finalize: its trial is on. */
    static Agent marketingAgent(CpClient door, String token, MarketingSetup setup) {
        JsonNode hired = json(door.call("POST", "/api/cp/subscriptions", token, "{\"agent_type_id\":\"marketing.healthcare.v1\"}"));
        String subscription = hired.path("subscription_id").asString();
        String instance = hired.path("hired_instance_id").asString();
        List<String> refs = new ArrayList<>();
        StringBuilder credentials = new StringBuilder();
        setup.accessTokens().forEach((platform, accessToken) -> {
            String identity = platform.equals("linkedin") ? "urn:li:organization:4242" : "1784140000846";
            HttpResponse<String> credential = door.call("PUT", "/api/cp/platform-credentials", token,
                    "{\"platform\":\"" + platform + "\",\"posting_identity\":\"" + identity
                            + "\",\"access_token\":\"" + accessToken + "\"}");
            assertThat(credential.statusCode()).as(credential.body()).isBetween(200, 201);
            refs.add(json(credential).path("credential_ref").asString());
            credentials.append(credentials.isEmpty() ? "" : ",").append("\"").append(platform)
                    .append("\":{\"credential_ref\":\"").append(refs.get(refs.size() - 1)).append("\"}");
        });
        HttpResponse<String> configured = door.call("PUT", "/api/cp/hired-agents/draft", token,
                "{\"subscription_id\":\"" + subscription + "\",\"config\":{\"nickname\":\"" + setup.nickname()
                        + "\",\"theme\":\"teal\",\"primary_language\":\"en\",\"timezone\":\"Asia/Kolkata\","
                        + "\"brand_name\":\"Sunrise Clinic\",\"offerings\":[\"Flu shots\"],\"location\":\"Pune\","
                        + "\"platforms_enabled\":[\"" + String.join("\",\"", setup.platforms()) + "\"],"
                        + "\"platform_credentials\":{" + credentials + "},"
                        + "\"review_policy\":\"approval_required_per_post\"}}");
        assertThat(json(configured).path("configured").asBoolean()).as(configured.body()).isTrue();
        String goal = json(door.call("PUT", "/api/cp/hired-agents/" + instance + "/goals", token,
                "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\","
                        + "\"settings\":{\"posts_per_week\":" + setup.postsPerWeek() + "}}"))
                .path("goal_instance_id").asString();
        assertThat(json(door.call("POST", "/api/cp/hired-agents/" + instance + "/finalize", token, null))
                .path("trial_status").asString()).isEqualTo("active");
        return new Agent(subscription, instance, goal, refs.isEmpty() ? null : refs.get(0));
    }

    /** Asks for the agent's goal to run now (the run is accepted; its drafts come later). */
    static void runNow(CpClient door, String token, Agent agent) {
        HttpResponse<String> run = door.call("POST", "/api/cp/hired-agents/" + agent.instance() + "/goals/" + agent.goal()
                + "/run", token, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
    }
}
