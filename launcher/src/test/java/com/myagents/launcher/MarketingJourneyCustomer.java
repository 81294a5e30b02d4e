package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * The customer the browser's marketing journeys (e2e/tests/marketing.test.mjs) sign in as: one of
 * its own, so that they never review or publish the shared demo drafts. It has a marketing agent
 * ("Reach") on Instagram (connected) and YouTube (published by hand) whose first run was asked for;
 * the browser waits for its drafts.
 */
final class MarketingJourneyCustomer {

    static final String AGENT = "Reach";
    static final String PASSWORD = "demo-password";

    private MarketingJourneyCustomer() {
    }

    /** @return the customer's email (its password is {@link #PASSWORD}) */
    static String prepare() {
        LocalStack stack = RunningSystem.stack();
        String email = "marketing-" + UUID.randomUUID() + "@example.test";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(stack.jdbcUrl(), "postgres",
                LocalSecrets.loadOrCreate(stack.dataDir()).get(LocalSecrets.POSTGRES_SUPERUSER_PASSWORD));
             java.sql.PreparedStatement insert = c.prepareStatement("insert into cp.customers (customer_id, email, "
                     + "password_hash, display_name) values (?, ?, ?, 'Reach Clinic')")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, email);
            insert.setString(3, Journeys.DEMO_PASSWORD_HASH);
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        CpClient door = new CpClient(RunningSystem.cp());
        String token = door.login(email, PASSWORD);
        var hired = json(door.call("POST", "/api/cp/subscriptions", token, "{\"agent_type_id\":\"marketing.healthcare.v1\"}"));
        String subscription = hired.path("subscription_id").asString();
        String instance = hired.path("hired_instance_id").asString();
        HttpResponse<String> credential = door.call("PUT", "/api/cp/platform-credentials", token,
                "{\"platform\":\"instagram\",\"posting_identity\":\"1784140000846\",\"access_token\":\"tok"
                        + UUID.randomUUID().toString().replace("-", "") + "\"}");
        assertThat(credential.statusCode()).as(credential.body()).isBetween(200, 201);
        String ref = json(credential).path("credential_ref").asString();
        HttpResponse<String> configured = door.call("PUT", "/api/cp/hired-agents/draft", token,
                "{\"subscription_id\":\"" + subscription + "\",\"config\":{\"nickname\":\"" + AGENT + "\",\"theme\":\"teal\","
                        + "\"primary_language\":\"en\",\"timezone\":\"Asia/Kolkata\",\"brand_name\":\"Sunrise Clinic\","
                        + "\"offerings\":[\"Flu shots\"],\"location\":\"Pune\","
                        + "\"platforms_enabled\":[\"instagram\",\"youtube\"],"
                        + "\"platform_credentials\":{\"instagram\":{\"credential_ref\":\"" + ref + "\"}},"
                        + "\"review_policy\":\"approval_required_per_post\"}}");
        assertThat(json(configured).path("configured").asBoolean()).as(configured.body()).isTrue();
        String goal = json(door.call("PUT", "/api/cp/hired-agents/" + instance + "/goals", token,
                "{\"goal_template_id\":\"marketing.weekly_multichannel_batch\",\"frequency\":\"weekly\",\"settings\":{\"posts_per_week\":1}}"))
                .path("goal_instance_id").asString();
        HttpResponse<String> finalized = door.call("POST", "/api/cp/hired-agents/" + instance + "/finalize", token, null);
        assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(200);
        HttpResponse<String> run = door.call("POST", "/api/cp/hired-agents/" + instance + "/goals/" + goal + "/run", token, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        return email;
    }
}
