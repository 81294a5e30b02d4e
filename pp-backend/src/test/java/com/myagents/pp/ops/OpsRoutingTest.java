package com.myagents.pp.ops;

import static com.myagents.pp.RunningPpBackend.HTTP;
import static com.myagents.pp.RunningPpBackend.OPERATORS;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.myagents.http.identity.Hops;
import com.myagents.pp.RunningPpBackend;
import com.myagents.testsupport.RecordingGateway;
import com.myagents.testsupport.RecordingGateway.Received;
import com.myagents.testsupport.RunningDoor;

/** Which ops path goes where on the gateway, and which role may take it (against a recording gateway). */
class OpsRoutingTest {

    private static final RecordingGateway GATEWAY = RunningPpBackend.GATEWAY;

    private static final String support = OPERATORS.support();
    private static final String auditor = OPERATORS.auditor();

    @RegisterExtension
    static final RunningDoor DOOR = RunningPpBackend.DOOR;

    @Test
    void denialsAndDecisionsAreTheAuditViewsOfPlantWithTheFiltersPassedOn() throws Exception {
        HttpResponse<String> denials = HTTP.send(HTTP.request("/api/pp/ops/denials?reason=approval_missing&page=1")
                .header("Authorization", "Bearer " + auditor).header(Hops.CORRELATION_HEADER, "pp-ops-denials-0001")
                .GET().build());
        Received forwardedDenials = GATEWAY.next();
        HTTP.send(HTTP.request("/api/pp/ops/decisions?outcome=deny").header("Authorization", "Bearer " + auditor).GET().build());
        Received forwardedDecisions = GATEWAY.next();

        assertThat(denials.statusCode()).isEqualTo(200);
        assertThat(forwardedDenials.path()).isEqualTo("/api/v1/audit/denials");
        assertThat(forwardedDenials.rawQuery()).isEqualTo("reason=approval_missing&page=1");
        assertThat(forwardedDecisions.path()).isEqualTo("/api/v1/audit/decisions");
        assertThat(RunningPpBackend.auditOf(RunningPpBackend.correlationOf(denials)).get(0).getTarget())
                .isEqualTo("/api/v1/audit/denials?reason=approval_missing&page=1");
    }

    @Test
    void auditorsReachCorrelationsButNotHiredAgents() throws Exception {
        HTTP.send(HTTP.request("/api/pp/ops/correlations/corr-12345678").header("Authorization", "Bearer " + auditor).GET().build());
        Received correlation = GATEWAY.next();
        HttpResponse<String> hiredAgents = HTTP.send(HTTP.request("/api/pp/ops/hired-agents?email=demo@myagents.local")
                .header("Authorization", "Bearer " + auditor).header(Hops.CORRELATION_HEADER, "pp-ops-refused-0001")
                .GET().build());

        assertThat(correlation.path()).isEqualTo("/api/v1/ops/correlations/corr-12345678");
        assertThat(hiredAgents.statusCode()).isEqualTo(403);
        assertThat(json(hiredAgents).get("reason").asString()).isEqualTo("role_not_allowed");
        assertThat(GATEWAY.receivedNothing()).isTrue();
        assertThat(RunningPpBackend.auditOf(RunningPpBackend.correlationOf(hiredAgents)).get(0).getStatusCode()).isEqualTo(403);
    }

    @Test
    void supportReachesHiredAgentsButChangesNothing() throws Exception {
        HTTP.send(HTTP.request("/api/pp/ops/hired-agents/00000000-0000-0000-0000-00000000b001")
                .header("Authorization", "Bearer " + support).GET().build());
        Received instance = GATEWAY.next();
        HttpResponse<String> write = HTTP.send(HTTP.request("/api/pp/ops/hired-agents/x").header("Authorization", "Bearer " + support)
                .DELETE().build());

        assertThat(instance.path()).isEqualTo("/api/v1/ops/hired-agents/00000000-0000-0000-0000-00000000b001");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(json(write).get("reason").asString()).isEqualTo("role_read_only");
    }
}
