package com.myagents.plant;

import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.ENFORCEMENT_DENIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.serde.EventJson;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.plant.materializer.Materializer;
import com.myagents.plant.outbox.OutboxConfiguration;
import com.myagents.plant.outbox.OutboxRelay;
import com.myagents.plant.outbox.OutboxWriter;
import com.myagents.testsupport.SharedTestInfra;

import tools.jackson.databind.JsonNode;

class PlantStoreApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext app;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        String schema = PlantTestDatabase.freshSchemaName();
        app = PlantStoreApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--spring.kafka.bootstrap-servers=" + SharedTestInfra.kafkaBootstrapServers(),
                "--myagents.demo-data=true",
                "--myagents.outbox.relay.sweep-interval=1s",
                "--myagents.materializer.group-id=plant-store-app-test-" + UUID.randomUUID());
        baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void runsTheDemoMigrationsAndReportsRelayAndMaterializerHealthy() throws Exception {
        DSLContext dsl = app.getBean(DSLContext.class);
        assertThat(dsl.fetchCount(DELIVERABLES, DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString("00000000-0000-0000-0000-00000000d001"))))
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode body = EventJson.MAPPER.readTree(health.body());
            assertThat(body.path("status").asString()).isEqualTo("UP");
            assertThat(body.path("components").path("outboxRelay").path("status").asString()).isEqualTo("UP");
            assertThat(body.path("components").path("outboxRelay").path("details").has("pending")).isTrue();
            assertThat(body.path("components").path("materializer").path("status").asString()).isEqualTo("UP");
        });
        io.micrometer.core.instrument.MeterRegistry meters = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        assertThat(meters.find("myagents.outbox.pending").meter()).isNotNull();
        assertThat(meters.find("myagents.materializer.skipped").meter()).isNotNull();
        // the service port shows health only; metrics are not served there
        assertThat(get("/actuator/metrics/myagents.outbox.pending").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/info").statusCode()).isEqualTo(404);
        HttpResponse<String> error = get("/error");
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anEventWrittenThroughTheOutboxComesBackAsAMaterializedRow() {
        // Given the app's own writer and database
        DSLContext dsl = app.getBean(DSLContext.class);
        OutboxWriter writer = app.getBean(OutboxWriter.class);
        String correlationId = UUID.randomUUID().toString();
        EnforcementDenial denial = new EnforcementDenial(UUID.randomUUID().toString(), correlationId,
                "00000000-0000-0000-0000-00000000a001", "00000000-0000-0000-0000-0000000c0001",
                "00000000-0000-0000-0000-00000000d001", "publish", ReasonCode.APPROVAL_MISSING, "no approval_id",
                Map.of("approval_id", "none"), "enforcement/1", Instant.now());

        // When a denial is appended in a transaction
        dsl.transaction(cfg -> writer.append(cfg.dsl(), Topics.ENFORCEMENT_DENIALS, denial.subscriptionId(), denial));

        // Then the relay publishes it and the materializer writes it back as a row
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(dsl.fetchCount(ENFORCEMENT_DENIALS, ENFORCEMENT_DENIALS.CORRELATION_ID.eq(correlationId))).isEqualTo(1));
        assertThat(app.getBean(OutboxRelay.class).pendingCount()).isZero();
        assertThat(app.getBean(Materializer.class).appliedCount()).isPositive();
    }

    @Test
    void outboxConfigurationAloneGivesAWriterAndNothingThatRuns() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(OutboxConfiguration.class)) {
            assertThat(context.getBean(OutboxWriter.class)).isNotNull();
            assertThat(context.getBeansOfType(OutboxRelay.class)).isEmpty();
            assertThat(context.getBeansOfType(Materializer.class)).isEmpty();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
