package com.myagents.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.serde.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * The spine through the real thing: browser call on cp-backend, gateway, ingest-api, outbox,
 * the broker, enforcement-streams, the decisions/denials topics and PostgreSQL. Subclasses say
 * where Kafka and PostgreSQL come from.
 */
abstract class SpineScenarios {

    static final String SAMPLE_DELIVERABLE = "00000000-0000-0000-0000-00000000d001";

    static LocalStack stack;
    static boolean ownsStack;
    static String cp;
    static String dbUser;
    static String dbPassword;

    static void startTheSystem(Path dataDir, String externalKafka, LocalStackOptions.ExternalDatabase database) {
        LocalStackOptions options = new LocalStackOptions(dataDir, LocalStackOptions.Ports.free(), externalKafka,
                database, true, java.util.Set.of(), Map.of("myagents.execute.decision-wait", "3s"));
        dbUser = database == null ? "postgres" : database.user();
        dbPassword = database == null ? "" : database.password();
        stack = LocalStack.start(options);
        ownsStack = true;
        cp = "http://localhost:" + options.ports().cpBackend();
    }

    static void useTheSharedSystem() {
        stack = RunningSystem.stack();
        ownsStack = false;
        dbUser = "postgres";
        dbPassword = RunningSystem.postgresPassword();
        cp = RunningSystem.cp();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null && ownsStack) {
            stack.close();
        }
        stack = null;
    }

    @Test
    void executeWithoutApprovalIsDeniedWithACorrelationIdThatLandsOnTheTopicAndInTheTableOnce() throws Exception {
        String token = login("demo@myagents.local", "demo-password");

        HttpResponse<String> response = post("/api/cp/deliverables/" + SAMPLE_DELIVERABLE + "/execute", token, "{}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = EventJson.MAPPER.readTree(response.body());
        assertThat(problem.path("reason").asString()).isEqualTo("approval_missing");
        String correlationId = problem.path("correlation_id").asString();
        assertThat(correlationId).isNotBlank();
        assertThat(response.headers().firstValue("X-Correlation-ID")).contains(correlationId);

        assertThat(denialsOnTopicFor(correlationId)).hasSize(1)
                .first().satisfies(d -> assertThat(d.subscriptionId()).isEqualTo("00000000-0000-0000-0000-00000000a001"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(denialRowsFor(correlationId)).isEqualTo(1));
    }

    @Test
    void aRequestSentWhileEnforcementIsDownIsDecidedOnceAfterItRestarts() throws Exception {
        String token = login("demo@myagents.local", "demo-password");
        stack.stop("enforcement-streams");

        HttpResponse<String> late = post("/api/cp/deliverables/" + SAMPLE_DELIVERABLE + "/execute", token, "{}");
        assertThat(late.statusCode()).isEqualTo(202);
        String correlationId = EventJson.MAPPER.readTree(late.body()).path("correlation_id").asString();

        stack.restart("enforcement-streams");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(denialRowsFor(correlationId)).isEqualTo(1));
        HttpResponse<String> status = get("/api/cp/executions/" + correlationId, token);
        assertThat(status.statusCode()).isEqualTo(403);
        assertThat(EventJson.MAPPER.readTree(status.body()).path("reason").asString()).isEqualTo("approval_missing");
        assertThat(denialsOnTopicFor(correlationId)).hasSize(1);
        assertThat(denialRowsFor(correlationId)).isEqualTo(1);
    }

    @Test
    void anotherCustomersDeliverableIsNotFoundAndNothingIsWritten() throws Exception {
        String token = login("other@myagents.local", "other-password");
        long before = rows("select count(*) from plant.execution_requests");

        HttpResponse<String> response = post("/api/cp/deliverables/" + SAMPLE_DELIVERABLE + "/execute", token, "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(EventJson.MAPPER.readTree(response.body()).path("correlation_id").asString()).isNotBlank();
        assertThat(rows("select count(*) from plant.execution_requests")).isEqualTo(before);
    }

    @Test
    void badInputIsAnsweredWithProblemJsonAndNothingIsWritten() throws Exception {
        String token = login("demo@myagents.local", "demo-password");
        long before = rows("select count(*) from plant.execution_requests");

        HttpResponse<String> malformed = post("/api/cp/deliverables/" + SAMPLE_DELIVERABLE + "/execute", token, "{\"approval_id\":");
        HttpResponse<String> notAnId = post("/api/cp/deliverables/..%2F..%2Fetc/execute", token, "{}");
        HttpResponse<String> unknown = post("/api/cp/deliverables/00000000-0000-0000-0000-0000000000ff/execute", token, "{}");
        HttpResponse<String> noToken = post("/api/cp/deliverables/" + SAMPLE_DELIVERABLE + "/execute", null, "{}");
        HttpResponse<String> forged = post("/api/cp/deliverables/" + SAMPLE_DELIVERABLE + "/execute", "e30.e30.", "{}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(notAnId.statusCode()).isBetween(400, 404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        for (HttpResponse<String> response : List.of(malformed, unknown, noToken, forged)) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(rows("select count(*) from plant.execution_requests")).isEqualTo(before);
    }

    static String login(String email, String password) {
        return new CpClient(cp).login(email, password);
    }

    static HttpResponse<String> post(String path, String token, String body) {
        return new CpClient(cp).call("POST", path, token, body);
    }

    static HttpResponse<String> get(String path, String token) {
        return new CpClient(cp).call("GET", path, token, null);
    }

    static List<EnforcementDenial> denialsOnTopicFor(String correlationId) {
        var topic = Topics.ENFORCEMENT_DENIALS;
        List<EnforcementDenial> found = new ArrayList<>();
        // as auditors read it: their own login, a group of theirs (the README's console consumer)
        Map<String, Object> config = new java.util.HashMap<>(stack.kafkaClientConfig(KafkaAccessPolicy.AUDITOR));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "myagents-audit-e2e-" + correlationId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, EnforcementDenial> consumer = new KafkaConsumer<>(config,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long quietUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < quietUntil) {
                for (ConsumerRecord<String, EnforcementDenial> record : consumer.poll(Duration.ofMillis(300))) {
                    if (correlationId.equals(record.value().correlationId())) {
                        found.add(record.value());
                        // keep reading a little: a duplicate would come right after
                        quietUntil = Math.min(quietUntil, System.nanoTime() + Duration.ofSeconds(2).toNanos());
                    }
                }
            }
        }
        return found;
    }

    static long denialRowsFor(String correlationId) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), dbUser, dbPassword);
             PreparedStatement s = c.prepareStatement("select count(*) from plant.enforcement_denials where correlation_id = ?")) {
            s.setString(1, correlationId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static long rows(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), dbUser, dbPassword);
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
