package com.myagents.pp.platform;

import static com.myagents.pp.platform.AgentManagementPlatformTest.audit;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;

/**
 * Through the operators' door: an auditor downloads denials as CSV through
 * pp-backend and the gateway, streamed; the download is in the operators' audit trail with its
 * filters and format. Exports need the right to read audit views (auditors, support, admins).
 */
class AuditExportPlatformTest {

    static final RunningPlatform PLATFORM = RunningPlatform.get();
    static final String auditor = PLATFORM.operators().auditor();

    @Test
    void anAuditorsCsvExportStreamsThroughTheDoorAndIsAudited() {
        String correlationId = "pp-export-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        ExecutionDecision denied = new ExecutionDecision(UUID.randomUUID().toString(), correlationId, "del-1", subscription,
                "customer-export", "publish", null, Outcome.DENY, ReasonCode.APPROVAL_MISSING, "no approval", java.util.List.of(),
                java.util.Map.of(), "enforcement-2026-12.1", java.time.Instant.now());
        PLATFORM.publish(Topics.ENFORCEMENT_DENIALS, subscription, EnforcementDenial.of(denied));
        String exportId = "pp-export-call-" + UUID.randomUUID();

        HttpResponse<String> csv = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> PLATFORM.pp("GET", "/api/pp/ops/denials/export?format=csv&subscription_id=" + subscription,
                        auditor, null, exportId), r -> r.statusCode() == 200 && r.body().contains(correlationId));

        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("denied_at,correlation_id,policy_version,reason");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(correlationId + ",enforcement-2026-12.1,approval_missing");
        // the door mints the correlation id (the one offered is a client reference only): the audit is under it
        String minted = csv.headers().firstValue("X-Correlation-ID").orElseThrow();
        var entry = audit(minted).get(audit(minted).size() - 1);
        assertThat(entry.getAction()).isEqualTo("audit:export");
        assertThat(entry.getTarget()).isEqualTo("/api/v1/audit/denials/export?format=csv&subscription_id=" + subscription);
        assertThat(entry.getStatusCode()).isEqualTo(200);
        assertThat(entry.getDetail().data().replace(" ", "")).contains("\"format\":\"csv\"");
    }
}
