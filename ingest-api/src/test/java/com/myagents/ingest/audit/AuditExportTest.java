package com.myagents.ingest.audit;

import static com.myagents.ingest.ops.OpsPlant.AUDITOR;
import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jooq.JSONB;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.serde.EventJson;
import com.myagents.ingest.ops.OpsPlant;

import tools.jackson.databind.JsonNode;

/**
 * Auditors download denials and decisions for a time range and filters as CSV or
 * JSON Lines, each row with its policy version and correlation id, streamed from a database cursor
 * so that the size of an export does not decide the memory it takes.
 */
class AuditExportTest {

    static final OpsPlant PLANT = OpsPlant.get();
    static final int MANY = 100_000;
    static final String BULK_CUSTOMER = "export-bulk-" + UUID.randomUUID();
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 28, 0, 0, 0, 0, ZoneOffset.UTC);

    @AfterAll
    static void removeTheBulk() {
        PLANT.db().deleteFrom(ENFORCEMENT_DENIALS).where(ENFORCEMENT_DENIALS.CUSTOMER_ID.eq(BULK_CUSTOMER)).execute();
    }

    @Test
    void exportsAHundredThousandDenialsAsCsvWithoutHoldingThemInMemory() throws Exception {
        // Given 100 000 denials of one customer, each with about 1 KB of inputs: some 200 MB of heap if held at once
        PLANT.db().execute("insert into plant.enforcement_denials (denial_id, correlation_id, subscription_id, customer_id,"
                + " deliverable_id, action, reason, detail, inputs, policy_version, denied_at)"
                + " select gen_random_uuid(), 'bulk-' || g, 'sub-bulk', ?, 'del-' || g, 'publish', 'approval_missing',"
                + " 'the request carries no approval_id', jsonb_build_object('n', g, 'padding', repeat('x', 1000)),"
                + " 'enforcement-2026-12.1', ?::timestamptz + g * interval '1 second' from generate_series(1, ?) g",
                BULK_CUSTOMER, T0.toString(), MANY);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = liveHeap(memory);

        // When an auditor downloads them and, halfway through, stops reading for a moment
        HttpResponse<InputStream> download = PLANT.stream("/api/v1/audit/denials/export?format=csv&customer_id="
                + BULK_CUSTOMER, AUDITOR);
        long rows = 0;
        long midway = 0;
        String header;
        String first;
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(download.body(), StandardCharsets.UTF_8))) {
            header = csv.readLine();
            first = csv.readLine();
            rows = 1;
            while (csv.readLine() != null) {
                if (++rows == MANY / 2) {
                    Thread.sleep(300); // the server is now blocked writing, with its cursor open
                    midway = liveHeap(memory) - before;
                }
            }
        }

        // Then every row arrives, and what the export held at its midpoint is a batch, not the result
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=\"denials-").endsWith(".csv\""));
        assertThat(rows).isEqualTo(MANY);
        assertThat(header).startsWith("denied_at,correlation_id,policy_version,reason");
        assertThat(first).contains(",bulk-1,enforcement-2026-12.1,approval_missing,publish," + BULK_CUSTOMER);
        assertThat(midway).as("live heap held by the export at its midpoint").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void exportsDecisionsOfARangeAsJsonLinesWithPolicyVersionAndCorrelationId() throws Exception {
        String customer = "export-" + UUID.randomUUID();
        String early = decide(customer, "deny", "approval_missing", "plain detail", T0);
        String inside = decide(customer, "allow", "allowed", "every check passed", T0.plusMinutes(5));
        decide(customer, "deny", "trial_ended", "late", T0.plusHours(2));

        List<JsonNode> lines = new ArrayList<>();
        HttpResponse<InputStream> download = PLANT.stream("/api/v1/audit/decisions/export?format=jsonl&customer_id="
                + customer + "&from=" + enc(T0) + "&to=" + enc(T0.plusHours(1)), AUDITOR);
        try (BufferedReader jsonl = new BufferedReader(new InputStreamReader(download.body(), StandardCharsets.UTF_8))) {
            jsonl.lines().forEach(line -> lines.add(EventJson.MAPPER.readTree(line)));
        }

        assertThat(download.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        assertThat(lines).extracting(l -> l.path("correlation_id").asString()).containsExactly(early, inside);
        assertThat(lines).allSatisfy(l -> assertThat(l.path("policy_version").asString()).isEqualTo("enforcement-2026-12.1"));
        assertThat(lines.get(1).path("outcome").asString()).isEqualTo("allow");
        assertThat(lines.get(0).path("inputs").path("evaluated_at").asString()).isEqualTo("2026-11-28T00:00:00Z");
    }

    @Test
    void aCsvCellIsQuotedAndAFormulaIsDefused() throws Exception {
        String customer = "export-" + UUID.randomUUID();
        decide(customer, "deny", "approval_missing", "=HYPERLINK(\"x\"), then \"quoted\"", T0);

        HttpResponse<InputStream> download = PLANT.stream("/api/v1/audit/denials/export?customer_id=" + customer, AUDITOR);
        String body = new String(download.body().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(body).contains("\"'=HYPERLINK(\"\"x\"\"), then \"\"quoted\"\"\"");
        assertThat(body.split("\r\n")).hasSize(2);
    }

    @Test
    void aBadFormatOrFilterIsA400NamingItAndCustomersGet404() {
        HttpResponse<String> format = PLANT.call("GET", "/api/v1/audit/denials/export?format=xlsx", AUDITOR, null);
        HttpResponse<String> from = PLANT.call("GET", "/api/v1/audit/decisions/export?from=yesterday", AUDITOR, null);
        HttpResponse<String> customer = PLANT.call("GET", "/api/v1/audit/denials/export", OpsPlant.DEMO_CUSTOMER, null);

        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body()).contains("format", "csv or jsonl");
        assertThat(from.statusCode()).isEqualTo(400);
        assertThat(from.body()).contains("from");
        assertThat(customer.statusCode()).isEqualTo(404);
    }

    /** Live heap after a full collection: what is still referenced, not what is garbage. */
    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String decide(String customer, String outcome, String reason, String detail, OffsetDateTime at) {
        JSONB inputs = JSONB.valueOf("{\"evaluated_at\":\"" + at.toInstant() + "\"}");
        return new StoredDecision("export-" + reason + "-" + UUID.randomUUID(), null, "sub-export", customer, outcome,
                reason, detail, detail, JSONB.valueOf("[]"), inputs, "enforcement-2026-12.1", at).insert(PLANT.db());
    }

    private static String enc(OffsetDateTime time) {
        return URLEncoder.encode(time.toString(), StandardCharsets.UTF_8);
    }
}
