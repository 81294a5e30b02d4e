package com.myagents.ingest;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.contracts.serde.EventJson;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.SharedTestInfra;

import tools.jackson.databind.JsonNode;

/**
 * The API tests' ingest-api ({@link PlantApi}: a random port, this test JVM's real broker and
 * PostgreSQL, identities signed as the gateway signs them), waiting 2 s for a decision; with the demo
 * principals and plain SQL into the plant schema.
 */
final class RunningIngestApi {

    static final String DEMO = "00000000-0000-0000-0000-0000000c0001";
    static final String OTHER = "00000000-0000-0000-0000-0000000c0002";
    static final Principal DEMO_CUSTOMER = new Principal(DEMO, Principal.Kind.CUSTOMER, "demo@myagents.local", Set.of());
    static final Principal OTHER_CUSTOMER = new Principal(OTHER, Principal.Kind.CUSTOMER, "other@myagents.local", Set.of());
    static final Principal ADMIN = new Principal("ops-1", Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("admin"));
    static final Principal SUPPORT = new Principal("ops-2", Principal.Kind.OPERATOR, "support@myagents.local", Set.of("support"));

    static final byte[] RECEIPT_KEY = randomKey();

    private static RunningIngestApi instance;

    final ConfigurableApplicationContext context;
    final EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
    private final PlantApi calls;

    private RunningIngestApi(PlantApi calls) {
        this.context = calls.context();
        this.calls = calls;
    }

    static synchronized RunningIngestApi get() {
        if (instance == null) {
            instance = new RunningIngestApi(PlantApi.start("2s", RECEIPT_KEY));
        }
        return instance;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The body of a publish with pp-backend's receipt for the version as Plant has it now. */
    String reviewedPublish(String agentTypeId, String version) {
        JsonNode definition = json(call("GET", "/api/v1/agent-types/" + agentTypeId + "?version=" + version, ADMIN, null));
        String receipt = new com.myagents.http.review.ReviewReceipts(RECEIPT_KEY, java.time.Clock.systemUTC())
                .mint(new com.myagents.http.review.ReviewReceipts.Receipt(agentTypeId, version,
                        com.myagents.http.review.DefinitionHash.of(definition), "ops-1"));
        return "{\"review_receipt\":\"" + receipt + "\"}";
    }

    /** A call with a body declared as {@code contentType}, sent as the given bytes. */
    HttpResponse<String> callRaw(String method, String path, Principal as, String contentType, byte[] body) {
        return calls.callRaw(method, path, as, contentType, body);
    }

    HttpResponse<String> call(String method, String path, Principal as, String body) {
        return call(method, path, as, body, null);
    }

    HttpResponse<String> call(String method, String path, Principal as, String body, String correlationId) {
        return calls.call(method, path, as, body, correlationId);
    }

    /** A daily run of the goal on {@code day} that completed, as the materializer records one. */
    void recordCompletedRun(String goalId, String day) {
        execute("insert into plant.goal_runs (run_id, goal_instance_id, period_key, status, completed_at) "
                + "values (? || ':daily:' || ?, ?::uuid, 'daily:' || ?, 'completed', (? || 'T04:00:00Z')::timestamptz)",
                goalId, day, goalId, day, day);
    }

    /** The goal's daily run on 2026-11-27, ended without drafts ({@code status}: denied or skipped), as the materializer records one. */
    void recordEndedRun(String goalId, String status, String reason, String detail, Integer costMinor) {
        execute("insert into plant.goal_runs (run_id, goal_instance_id, period_key, status, reason, detail, cost_minor, "
                + "triggered_at, completed_at) values (? || ':daily:2026-11-27', ?::uuid, 'daily:2026-11-27', ?, ?, ?, ?, "
                + "'2026-11-27T04:00:00Z', '2026-11-27T04:00:01Z')", goalId, goalId, status, reason, detail, costMinor);
    }

    /** The last run the customer's goals list shows for the instance's first goal. */
    JsonNode lastRunOfFirstGoal(String instance, Principal as) {
        HttpResponse<String> goals = call("GET", "/api/v1/hired-agents/" + instance + "/goals", as, null);
        org.assertj.core.api.Assertions.assertThat(goals.statusCode()).as(goals.body()).isEqualTo(200);
        return json(goals).path("goals").get(0).path("last_run");
    }

    static JsonNode json(HttpResponse<String> response) {
        return EventJson.MAPPER.readTree(response.body());
    }

    /** The latest approval event of the deliverable in the outbox (keyed by its subscription, among that subscription's). */
    @SuppressWarnings("unchecked")
    com.myagents.contracts.approvals.ApprovalEvent lastApprovalEvent(String deliverableId) {
        var serde = (com.myagents.contracts.serde.JsonSerde<com.myagents.contracts.approvals.ApprovalEvent>)
                com.myagents.contracts.Topics.APPROVALS.valueSerde();
        return query("select payload from plant.outbox where topic = ? and record_key = (select subscription_id::text "
                + "from plant.deliverables where deliverable_id = ?::uuid) order by id desc", rows -> {
                    while (rows.next()) {
                        var event = serde.read(rows.getBytes(1));
                        if (deliverableId.equals(event.deliverableId())) {
                            return event;
                        }
                    }
                    throw new AssertionError("no approval event of deliverable " + deliverableId);
                }, com.myagents.contracts.Topics.APPROVALS.name(), deliverableId);
    }

    long count(String sql, Object... args) {
        return query(sql, rows -> {
            rows.next();
            return rows.getLong(1);
        }, args);
    }

    void execute(String sql, Object... args) {
        run(sql, args, PreparedStatement::execute);
    }

    /** Reads the rows of {@code sql} with {@code reader}. */
    private <T> T query(String sql, Rows<T> reader, Object... args) {
        return run(sql, args, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        });
    }

    private <T> T run(String sql, Object[] args, Statement<T> work) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return work.apply(s);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws java.sql.SQLException;
    }

    private interface Statement<T> {
        T apply(PreparedStatement statement) throws java.sql.SQLException;
    }
}
