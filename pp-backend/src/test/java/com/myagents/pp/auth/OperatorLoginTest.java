package com.myagents.pp.auth;

import static com.myagents.pp.RunningPpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.pp.RunningPpBackend;
import com.myagents.pp.jooq.generated.tables.records.OperatorAuditRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OperatorLoginTest {

    private static final String LOGIN = "/api/pp/auth/login";

    @Test
    void signsInTheOpsAdminWithRolesInTheToken() {
        HttpResponse<String> response = login("ops@myagents.local", "ops-password", "login-ok-0001");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(8 * 3600);
        assertThat(body.get("operator").get("operator_id").asString())
                .isEqualTo("00000000-0000-0000-0000-0000000b0001");
        assertThat(body.get("operator").get("display_name").asString()).isEqualTo("Ops Admin");
        assertThat(body.get("operator").get("roles").get(0).asString()).isEqualTo("admin");

        Principal principal = new IdentityTokens(Hops.PP_ISSUER, RunningPpBackend.TOKEN_KEY)
                .verify(body.get("access_token").asString(), Hops.PP_ISSUER, "pp");
        assertThat(principal.kind()).isEqualTo(Principal.Kind.OPERATOR);
        assertThat(principal.roles()).containsExactly("admin");
    }

    @Test
    void auditsEverySignInAttempt() {
        HttpResponse<String> signedIn = login("support@myagents.local", "support-password", "login-audit-ok-01");
        HttpResponse<String> wrong = login("support@myagents.local", "wrong-password", "login-audit-bad-01");
        HttpResponse<String> unknown = login("ghost@myagents.local", "support-password", "login-audit-ghost-01");

        OperatorAuditRecord ok = RunningPpBackend.auditOf(RunningPpBackend.correlationOf(signedIn)).get(0);
        assertThat(ok.getAction()).isEqualTo("login");
        assertThat(ok.getOperatorId()).hasToString("00000000-0000-0000-0000-0000000b0002");
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(ok.getTarget()).isEqualTo("email:support@myagents.local");

        OperatorAuditRecord bad = RunningPpBackend.auditOf(RunningPpBackend.correlationOf(wrong)).get(0);
        assertThat(bad.getAction()).isEqualTo("login_failed");
        assertThat(bad.getOperatorId()).hasToString("00000000-0000-0000-0000-0000000b0002");
        assertThat(bad.getStatusCode()).isEqualTo(401);

        OperatorAuditRecord ghost = RunningPpBackend.auditOf(RunningPpBackend.correlationOf(unknown)).get(0);
        assertThat(ghost.getAction()).isEqualTo("login_failed");
        assertThat(ghost.getOperatorId()).isNull();
    }

    @Test
    void answersWrongPasswordAndUnknownEmailTheSameWay() {
        HttpResponse<String> wrongPassword = login("ops@myagents.local", "support-password", null);
        HttpResponse<String> unknownEmail = login("nobody@myagents.local", "ops-password", null);

        for (HttpResponse<String> response : List.of(wrongPassword, unknownEmail)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        JsonNode first = json(wrongPassword);
        JsonNode second = json(unknownEmail);
        ((ObjectNode) first).remove("correlation_id");
        ((ObjectNode) second).remove("correlation_id");
        assertThat(first).isEqualTo(second);
    }

    @Test
    void tellsTheSignedInOperatorWhoTheyAre() {
        String token = HTTP.login("auditor@myagents.local", "auditor-password");

        HttpResponse<String> response = HTTP.get("/api/pp/auth/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("email").asString()).isEqualTo("auditor@myagents.local");
        assertThat(json(response).get("roles").get(0).asString()).isEqualTo("auditor");
    }

    @Test
    void locksAnAccountOutAfterRepeatedFailuresAuditsItAndRefusesEvenTheRightPasswordMeanwhile() {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(login("auditor@myagents.local", "guess-" + i, null).statusCode());
        }
        HttpResponse<String> locked = login("auditor@myagents.local", "auditor-password", null);
        try {
            assertThat(statuses).containsOnly(401);
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(locked.body()).doesNotContain("access_token");
            OperatorAuditRecord entry = RunningPpBackend.auditOf(RunningPpBackend.correlationOf(locked)).get(0);
            assertThat(entry.getAction()).isEqualTo("login_locked");
            assertThat(entry.getStatusCode()).isEqualTo(429);
        } finally {
            // the auditor account is shared by the other tests of this JVM
            RunningPpBackend.bean(com.myagents.http.throttle.LoginThrottle.class).succeeded("auditor@myagents.local");
        }
        assertThat(login("auditor@myagents.local", "auditor-password", null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> login(String email, String password, String correlationId) {
        HttpRequest.Builder builder = HTTP.request(LOGIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        if (correlationId != null) {
            builder.header(Hops.CORRELATION_HEADER, correlationId);
        }
        return HTTP.send(builder.build());
    }
}
