package com.myagents.pp.proxy;

import static com.myagents.pp.RunningPpBackend.HTTP;
import static com.myagents.pp.RunningPpBackend.OPERATORS;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.pp.RunningPpBackend;
import com.myagents.pp.jooq.generated.tables.records.OperatorAuditRecord;
import com.myagents.testsupport.RecordingGateway;
import com.myagents.testsupport.RecordingGateway.Received;
import com.myagents.testsupport.RunningDoor;

class GatewayProxyTest {

    private static final RecordingGateway GATEWAY = RunningPpBackend.GATEWAY;

    private static final String opsToken = OPERATORS.admin();
    private static final String supportToken = OPERATORS.support();
    private static final String auditorToken = OPERATORS.auditor();

    @RegisterExtension
    static final RunningDoor DOOR = RunningPpBackend.DOOR;

    @Test
    void forwardsAnAdminCallAsTheVerifiedOperatorAndAuditsIt() throws Exception {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/pp/agent-types/marketing.healthcare.v1/versions")
                .header("Authorization", "Bearer " + opsToken)
                .header("Content-Type", "application/json")
                .header(Hops.CORRELATION_HEADER, "pp-admin-post-0001")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":2}")).build());

        Received got = GATEWAY.next();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/api/v1/agent-types/marketing.healthcare.v1/versions");
        assertThat(got.body()).isEqualTo("{\"version\":2}");
        // the door minted the id; the browser's is passed on only as a reference for the access record
        String minted = response.headers().firstValue(Hops.CORRELATION_HEADER).orElseThrow();
        assertThat(got.header(Hops.CORRELATION_HEADER)).isEqualTo(minted).isNotEqualTo("pp-admin-post-0001");
        assertThat(got.header(Hops.CLIENT_CORRELATION_HEADER)).isEqualTo("pp-admin-post-0001");
        Principal asserted = verifyAssertion(got);
        assertThat(asserted.id()).isEqualTo("00000000-0000-0000-0000-0000000b0001");
        assertThat(asserted.kind()).isEqualTo(Principal.Kind.OPERATOR);
        assertThat(asserted.roles()).containsExactly("admin");
        assertThat(response.statusCode()).isEqualTo(201);

        List<OperatorAuditRecord> audit = RunningPpBackend.auditOf(minted);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getAction()).isEqualTo("gateway:POST");
        assertThat(audit.get(0).getTarget()).isEqualTo("/api/v1/agent-types/marketing.healthcare.v1/versions");
        assertThat(audit.get(0).getStatusCode()).isEqualTo(201);
        assertThat(audit.get(0).getOperatorId()).hasToString("00000000-0000-0000-0000-0000000b0001");
    }

    @Test
    void letsSupportReadWithItsQuery() throws Exception {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/pp/hired-agents?customer_id=c-1&status=active")
                .header("Authorization", "Bearer " + supportToken)
                .header(Hops.CORRELATION_HEADER, "pp-support-get-0001").GET().build());

        Received got = GATEWAY.next();
        assertThat(got.path()).isEqualTo("/api/v1/hired-agents");
        assertThat(got.rawQuery()).isEqualTo("customer_id=c-1&status=active");
        assertThat(verifyAssertion(got).roles()).containsExactly("support");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningPpBackend.auditOf(RunningPpBackend.correlationOf(response)).get(0).getTarget())
                .isEqualTo("/api/v1/hired-agents?customer_id=c-1&status=active");
    }

    @Test
    void refusesWritesBySupportAndAuditorsAndAuditsTheRefusal() {
        HttpResponse<String> supportPost = HTTP.send(HTTP.request("/api/pp/agent-types")
                .header("Authorization", "Bearer " + supportToken)
                .header("Content-Type", "application/json")
                .header(Hops.CORRELATION_HEADER, "pp-support-post-0001")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> auditorDelete = HTTP.send(HTTP.request("/api/pp/hired-agents/h-1/goals/g-1")
                .header("Authorization", "Bearer " + auditorToken).DELETE().build());

        for (HttpResponse<String> response : List.of(supportPost, auditorDelete)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("reason").asString()).isEqualTo("role_read_only");
        }
        assertThat(GATEWAY.receivedNothing()).isTrue();
        OperatorAuditRecord refusal = RunningPpBackend.auditOf(RunningPpBackend.correlationOf(supportPost)).get(0);
        assertThat(refusal.getAction()).isEqualTo("gateway:POST");
        assertThat(refusal.getStatusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnOperatorWithoutAnyKnownRole() {
        Principal nobody = new Principal("00000000-0000-0000-0000-0000000b0003", Principal.Kind.OPERATOR,
                "auditor@myagents.local", Set.of("intern"));
        String token = new IdentityTokens(Hops.PP_ISSUER, RunningPpBackend.TOKEN_KEY)
                .sign(nobody, PpDoor.DOOR.name(), Duration.ofMinutes(5));

        HttpResponse<String> response = HTTP.send(HTTP.request("/api/pp/hired-agents")
                .header("Authorization", "Bearer " + token).GET().build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("reason").asString()).isEqualTo("no_operator_role");
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void dropsEveryServerOnlyHeaderTheBrowserSent() throws Exception {
        HTTP.send(HTTP.request("/api/pp/audit/denials")
                .header("Authorization", "Bearer " + auditorToken)
                .header("X-Customer-Id", "00000000-0000-0000-0000-0000000c0002")
                .header("customer_id", "00000000-0000-0000-0000-0000000c0002")
                .header("X-Metering-Units", "0")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Internal-Service", "enforcement")
                .header("X-Operator-Roles", "admin")
                .header("Accept", "application/json")
                .GET().build());

        Received got = GATEWAY.next();
        for (String header : new String[] {"X-Customer-Id", "customer_id", "X-Metering-Units", "X-Forwarded-For",
                "X-Internal-Service", "X-Operator-Roles"}) {
            assertThat(got.hasHeader(header)).as(header).isFalse();
        }
        assertThat(got.header("Accept")).isEqualTo("application/json");
        assertThat(verifyAssertion(got).roles()).containsExactly("auditor");
    }

    @Test
    void keepsItsOwnEndpointsAwayFromTheGateway() {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/pp/auth/login")
                .header("Authorization", "Bearer " + opsToken).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void auditsACallTheGatewayNeverAnswered() throws Exception {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/pp" + RecordingGateway.BROKEN)
                .header("Authorization", "Bearer " + opsToken)
                .header(Hops.CORRELATION_HEADER, "pp-broken-get-0001").GET().build());

        GATEWAY.next();
        assertThat(response.statusCode()).isEqualTo(502);
        OperatorAuditRecord entry = RunningPpBackend.auditOf(RunningPpBackend.correlationOf(response)).get(0);
        assertThat(entry.getAction()).isEqualTo("gateway:GET");
        assertThat(entry.getStatusCode()).isEqualTo(502);
    }

    private static Principal verifyAssertion(Received got) {
        String authorization = got.header("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        return new IdentityTokens(Hops.GATEWAY_ISSUER, RunningPpBackend.SERVICE_KEY)
                .verify(authorization.substring("Bearer ".length()), Hops.PP_ISSUER, Hops.GATEWAY_AUDIENCE);
    }
}
