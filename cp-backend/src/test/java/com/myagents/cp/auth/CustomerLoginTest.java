package com.myagents.cp.auth;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.cp.proxy.CpDoor;
import com.myagents.http.door.DoorTokens;
import com.myagents.cp.RunningCpBackend;
import com.myagents.cp.customers.Customer;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CustomerLoginTest {

    private static final String LOGIN = "/api/cp/auth/login";

    @Test
    void signsInTheDemoCustomerWithABearerTokenForCp() {
        // When the demo customer signs in
        HttpResponse<String> response = HTTP.postJson(LOGIN,
                "{\"email\":\"demo@myagents.local\",\"password\":\"demo-password\"}");

        // Then they get a bearer token for audience cp, and who they are
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(8 * 3600);
        assertThat(body.get("customer").get("customer_id").asString())
                .isEqualTo("00000000-0000-0000-0000-0000000c0001");
        assertThat(body.get("customer").get("email").asString()).isEqualTo("demo@myagents.local");
        assertThat(body.get("customer").get("display_name").asString()).isEqualTo("Demo Clinic");
        assertThat(body.has("password_hash")).isFalse();

        Principal principal = new IdentityTokens(Hops.CP_ISSUER, RunningCpBackend.TOKEN_KEY)
                .verify(body.get("access_token").asString(), Hops.CP_ISSUER, "cp");
        assertThat(principal.id()).isEqualTo("00000000-0000-0000-0000-0000000c0001");
        assertThat(principal.kind()).isEqualTo(Principal.Kind.CUSTOMER);
    }

    @Test
    void treatsTheEmailCaseInsensitively() {
        HttpResponse<String> response = HTTP.postJson(LOGIN,
                "{\"email\":\" Other@MyAgents.Local \",\"password\":\"other-password\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("customer").get("customer_id").asString())
                .isEqualTo("00000000-0000-0000-0000-0000000c0002");
    }

    @Test
    void answersWrongPasswordAndUnknownEmailTheSameWay() {
        // When one login has a wrong password and another an email nobody has
        HttpResponse<String> wrongPassword = HTTP.postJson(LOGIN,
                "{\"email\":\"demo@myagents.local\",\"password\":\"other-password\"}");
        HttpResponse<String> unknownEmail = HTTP.postJson(LOGIN,
                "{\"email\":\"nobody@myagents.local\",\"password\":\"demo-password\"}");

        // Then both are the same 401 problem, apart from their correlation ids
        for (HttpResponse<String> response : List.of(wrongPassword, unknownEmail)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("correlation_id").asString()).isNotBlank();
        }
        JsonNode first = json(wrongPassword);
        JsonNode second = json(unknownEmail);
        ((ObjectNode) first).remove("correlation_id");
        ((ObjectNode) second).remove("correlation_id");
        assertThat(first).isEqualTo(second);
        assertThat(first.get("detail").asString()).isEqualTo(AuthController.WRONG_CREDENTIALS);
    }

    @Test
    void tellsTheSignedInCustomerWhoTheyAre() {
        String token = HTTP.login("other@myagents.local", "other-password");

        HttpResponse<String> response = HTTP.get("/api/cp/auth/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("customer_id").asString()).isEqualTo("00000000-0000-0000-0000-0000000c0002");
        assertThat(json(response).get("display_name").asString()).isEqualTo("Other Practice");
    }

    @Test
    void forgetsATokenWhoseCustomerIsGone() {
        String token = new DoorTokens(CpDoor.DOOR, RunningCpBackend.TOKEN_KEY, Duration.ofMinutes(5))
                .issue(new Customer(UUID.randomUUID(), "gone@myagents.local",
                        "x", "Gone").principal());

        HttpResponse<String> response = HTTP.get("/api/cp/auth/me", token);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void locksAnAccountOutAfterRepeatedFailuresAuditsItAndRefusesEvenTheRightPasswordMeanwhile() {
        String login = "/api/cp/auth/login";
        java.util.List<Integer> failures = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            failures.add(HTTP.postJson(login, "{\"email\":\"other@myagents.local\",\"password\":\"guess-" + i + "\"}")
                    .statusCode());
        }
        HttpResponse<String> locked = HTTP.postJson(login, "{\"email\":\"other@myagents.local\",\"password\":\"other-password\"}");
        try {
            assertThat(failures).containsOnly(401);
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(locked.body()).doesNotContain("access_token");
            assertThat(com.myagents.cp.CpDatabase.query("SELECT outcome FROM cp.login_audit WHERE correlation_id = ?",
                    locked.headers().firstValue(Hops.CORRELATION_HEADER).orElseThrow()))
                    .singleElement().satisfies(row -> assertThat(row.get("outcome")).isEqualTo("locked_out"));
            assertThat(com.myagents.cp.CpDatabase.query("SELECT outcome FROM cp.login_audit WHERE email = ? "
                    + "AND outcome = 'account_locked'", "other@myagents.local")).isNotEmpty();
        } finally {
            // the other customer's account is shared by the other tests of this JVM
            RunningCpBackend.bean(com.myagents.http.throttle.LoginThrottle.class).succeeded("other@myagents.local");
        }
        assertThat(HTTP.postJson(login, "{\"email\":\"other@myagents.local\",\"password\":\"other-password\"}")
                .statusCode()).isEqualTo(200);
    }
}
