package com.myagents.launcher;

import static com.myagents.launcher.CpClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;

/**
 * The customer's whole path through the real system: connect a platform, configure, add a goal,
 * run it, approve a draft the goal runner made, execute it — and the platform token never leaves
 * cp-backend's vault: not in Plant's tables, not on any topic, not in any log line.
 */
class FullFlowTest {

    @Test
    void aCustomerGoesFromConnectingAPlatformToAnAllowedExecutionAndTheSecretStaysInTheVault() throws Exception {
        ListAppender<ILoggingEvent> logs = captureLogs();
        CpClient door = new CpClient(RunningSystem.cp());
        String token = Journeys.freshCustomer(door, RunningSystem.stack());
        String secret = "AQX" + UUID.randomUUID().toString().replace("-", "") + "Zq9";

        // Given a marketing agent connected to LinkedIn through the vault, configured, with a goal, finalized
        Journeys.Agent agent = Journeys.configuredMarketingAgent(door, token, secret);
        String instance = agent.instance();
        String goal = agent.goal();

        // When the goal is run
        assertThat(door.call("POST", "/api/cp/hired-agents/" + instance + "/goals/" + goal + "/run", token, null).statusCode())
                .isEqualTo(202);

        // Then the goal runner's drafts arrive for review, one per post
        JsonNode drafts = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> json(door.call("GET", "/api/cp/hired-agents/" + instance + "/deliverables?state=pending_review", token, null)),
                page -> page.path("total").asInt() >= 2);
        JsonNode draft = drafts.path("deliverables").get(0);
        assertThat(draft.path("payload").path("platform").asString()).isEqualTo("linkedin");
        assertThat(draft.path("proposed_actions").get(0).asString()).isEqualTo("publish");

        // And once approved, executing it is allowed by enforcement
        String deliverable = draft.path("deliverable_id").asString();
        String approval = json(door.call("POST", "/api/cp/deliverables/" + deliverable + "/review", token,
                "{\"decision\":\"approved\",\"notes\":\"ship it\"}")).path("approval").path("approval_id").asString();
        HttpResponse<String> executed = decided(door, token, door.call("POST", "/api/cp/deliverables/" + deliverable
                + "/execute", token, "{\"approval_id\":\"" + approval + "\",\"action\":\"publish\"}"));
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(202);
        assertThat(json(executed).path("outcome").asString()).isEqualTo("allowed");
        HttpResponse<String> again = decided(door, token, door.call("POST", "/api/cp/deliverables/" + deliverable
                + "/execute", token, "{\"approval_id\":\"" + approval + "\",\"action\":\"publish\"}"));
        assertThat(json(again).path("reason").asString()).isEqualTo("already_executed");

        // And the connector (dry run, the local default) records exactly what it would have sent
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> json(door.call("GET", "/api/cp/deliverables/" + deliverable, token, null)),
                d -> "dry_run".equals(d.path("state").asString()));
        assertThat(done.path("last_execution").path("result").path("status").asString()).isEqualTo("dry_run");
        assertThat(done.path("last_execution").path("result").path("request_summary").path("platform").asString())
                .isEqualTo("linkedin");
        assertThat(done.path("last_execution").path("result").path("detail").asString()).contains("/rest/posts");

        // And the secrets are nowhere outside the vault's ciphertext
        for (String raw : List.of(secret)) {
            assertThat(rowsMentioning("plant", raw)).as("plant tables").isEmpty();
            assertThat(rowsMentioning("cp", raw)).as("cp tables (only ciphertext)").isEmpty();
            assertThat(topicsMentioning(raw)).as("topics").isEmpty();
            assertThat(logs.list).as("log lines").noneMatch(e -> e.getFormattedMessage().contains(raw));
        }
    }

    /** The decision for an execute call: a late one (202 pending) is polled as a browser would. */
    static HttpResponse<String> decided(CpClient door, String token, HttpResponse<String> answer) {
        if (answer.statusCode() != 202 || !"pending".equals(json(answer).path("outcome").asString())) {
            return answer;
        }
        String status = "/api/cp/executions/" + json(answer).path("correlation_id").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> door.call("GET", status, token, null),
                        r -> r.statusCode() != 202 || !"pending".equals(json(r).path("outcome").asString()));
    }

    static ListAppender<ILoggingEvent> captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    /** Every row of every table of the schema, as text, that contains {@code needle}. */
    static List<String> rowsMentioning(String schema, String needle) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(RunningSystem.stack().jdbcUrl(), "postgres", RunningSystem.postgresPassword())) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = '" + schema + "'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                try (var s = c.prepareStatement("select t::text from " + schema + "." + table + " t where t::text like ?")) {
                    s.setString(1, "%" + needle + "%");
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.add(table + ": " + r.getString(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every record of every topic whose key or value bytes contain {@code needle}. */
    static List<String> topicsMentioning(String needle) {
        List<String> found = new ArrayList<>();
        // the super user: the scan must see every topic, whoever may read it
        Map<String, Object> config = new java.util.HashMap<>(RunningSystem.stack().kafkaSuperUserConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "secret-scan-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Topics.all().stream().map(Topic::name).toList());
            int quiet = 0;
            while (quiet < 6) {
                var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    String text = (record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8))
                            + (record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                    if (text.contains(needle)) {
                        found.add(record.topic() + "@" + record.offset());
                    }
                }
            }
        }
        return found;
    }
}
