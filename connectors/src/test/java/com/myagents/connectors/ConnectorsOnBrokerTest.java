package com.myagents.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.connectors.command.CommandHandler;
import com.myagents.connectors.hiring.HiredInstances;
import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.StubPlatforms;
import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ExecutionResult.Status;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.testsupport.SharedTestInfra;
import com.myagents.testsupport.TopicReader;
import com.myagents.testsupport.TopicWriter;

/**
 * The connectors app as the launcher starts it, on the real broker and PostgreSQL: commands in,
 * results and denials out, in dry run by default and live for one instance against the stubs.
 */
class ConnectorsOnBrokerTest {

    static final String AUTHOR = "urn:li:person:Zq3x9";
    static final String LIVE_INSTANCE = UUID.randomUUID().toString();
    static final String DRY_INSTANCE = UUID.randomUUID().toString();
    static final String GROUP = "connectors-test-" + UUID.randomUUID();

    static StubPlatforms platforms;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void startTheConnectorsWithOneLiveInstance() {
        platforms = StubPlatforms.shared();
        platforms.reset();
        send(Topics.HIRED_AGENTS, LIVE_INSTANCE, new HiredAgentChange(LIVE_INSTANCE, "sub-live", Commands.CUSTOMER_ID,
                "marketing.healthcare.v1", "1.0.0", "Clinic", "Asia/Kolkata",
                Map.of("platforms_enabled", List.of("linkedin", "x"), "platform_credentials", Map.of(
                        "linkedin", Map.of("credential_ref", "cref_broker_li"),
                        "x", Map.of("credential_ref", "cref_broker_x"))),
                true, "active", "active", null, Instant.now()));
        platforms.vaultHasPlatformCredential("cref_broker_li", Commands.CUSTOMER_ID, "linkedin", AUTHOR, "li-token", null);
        platforms.linkedInAccepts("urn:li:share:9001");
        platforms.xAccepts("1851");
        app = start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void performsALiveCommandOnceHowEverOftenItIsDeliveredAndDryRunsTheRest() {
        ExecutionCommand live = Commands.signed(LIVE_INSTANCE, "publish", Commands.linkedInPost("Live on LinkedIn"));
        ExecutionCommand dry = Commands.signed(DRY_INSTANCE, "place_order",
                Commands.tradeIntent("BTCUSD", 1, "buy", "market_order", null));
        ExecutionCommand tampered = Commands.withPayload(
                Commands.signed(LIVE_INSTANCE, "publish", Commands.linkedInPost("approved")),
                Commands.linkedInPost("not what was approved"));

        send(live);
        send(live);
        send(dry);
        send(tampered);

        Set<String> deliverables = Set.of(live.deliverableId(), dry.deliverableId(), tampered.deliverableId());
        List<ExecutionResult> results;
        try (var reader = TopicReader.values(Topics.EXECUTION_RESULTS,
                r -> deliverables.contains(r.deliverableId()))) {
            results = reader.readUntil(seen -> seen.size() >= 4, StubPlatforms.PATIENCE);
        }
        assertThat(results).hasSize(4);
        List<ExecutionResult> liveResults = results.stream()
                .filter(r -> r.deliverableId().equals(live.deliverableId())).toList();
        assertThat(liveResults).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.EXECUTED);
            assertThat(r.externalId()).isEqualTo("urn:li:share:9001");
        });
        assertThat(liveResults.get(1)).isEqualTo(liveResults.get(0));
        assertThat(platforms.linkedInPosts()).as("two deliveries, one post").hasSize(1);
        assertThat(results).filteredOn(r -> r.deliverableId().equals(dry.deliverableId()))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(Status.DRY_RUN);
                    assertThat(r.detail()).contains("DRY RUN", "/v2/orders");
                });
        assertThat(results).filteredOn(r -> r.deliverableId().equals(tampered.deliverableId()))
                .singleElement().satisfies(r -> assertThat(r.detail()).startsWith("signature_invalid: "));
        assertThat(platforms.allRequests()).noneMatch(r -> r.getUrl().startsWith("/v2/"));
    }

    @Test
    void retriesAVaultOutageAndActsOnceItIsBack() {
        platforms.server().stubFor(post(urlEqualTo("/internal/vault/resolve"))
                .withRequestBody(matchingJsonPath("$.credential_ref", equalTo("cref_broker_x")))
                .inScenario("vault-outage").whenScenarioStateIs(STARTED).willSetStateTo("back")
                .willReturn(StubPlatforms.json(503, "{\"status\":503}")));
        platforms.server().stubFor(post(urlEqualTo("/internal/vault/resolve"))
                .withRequestBody(matchingJsonPath("$.credential_ref", equalTo("cref_broker_x")))
                .inScenario("vault-outage").whenScenarioStateIs("back")
                .willReturn(StubPlatforms.json(200, """
                        {"kind":"platform","credential_ref":"cref_broker_x","customer_id":"%s","platform":"x",
                         "posting_identity":"@clinic","expires_at":null,"access_token":"x-token"}"""
                        .formatted(Commands.CUSTOMER_ID))));
        ExecutionCommand command = Commands.signed(LIVE_INSTANCE, "publish", Commands.xPost("after the outage"));

        send(command);

        try (var reader = TopicReader.values(Topics.EXECUTION_RESULTS,
                r -> command.deliverableId().equals(r.deliverableId()))) {
            assertThat(reader.readUntil(seen -> !seen.isEmpty(), StubPlatforms.PATIENCE)).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(Status.EXECUTED));
        }
        assertThat(platforms.xPosts()).filteredOn(r -> r.getBodyAsString().contains("after the outage")).hasSize(1);
    }

    @Test
    void givesUpACommandTheVaultNeverAnswersForAsAFailedResultAfterItsLastAttempt() {
        var down = platforms.server().stubFor(post(urlEqualTo("/internal/vault/resolve"))
                .withRequestBody(matchingJsonPath("$.credential_ref", equalTo("cref_broker_x")))
                .atPriority(1).willReturn(StubPlatforms.json(503, "{\"status\":503}")));
        try {
            ExecutionCommand command = Commands.signed(LIVE_INSTANCE, "publish", Commands.xPost("never resolved"));

            send(command);

            try (var reader = TopicReader.values(Topics.EXECUTION_RESULTS,
                    r -> command.deliverableId().equals(r.deliverableId()))) {
                assertThat(reader.readUntil(seen -> !seen.isEmpty(), StubPlatforms.PATIENCE)).singleElement()
                        .satisfies(r -> {
                            assertThat(r.status()).isEqualTo(Status.FAILED);
                            assertThat(r.detail()).startsWith(CommandHandler.RETRIES_EXHAUSTED).contains("Nothing was sent");
                        });
            }
            assertThat(platforms.xPosts()).noneMatch(r -> r.getBodyAsString().contains("never resolved"));
        } finally {
            platforms.server().removeStub(down);
        }
    }

    @Test
    void followsTheHiredAgentsTopicIncludingRemovals() {
        HiredInstances table = app.getBean(HiredInstances.class);
        String gone = UUID.randomUUID().toString();
        send(Topics.HIRED_AGENTS, gone, new HiredAgentChange(gone, "sub-gone", Commands.CUSTOMER_ID,
                "trading.delta_futures.v1", "1.0.0", "T", "UTC", Map.of("exchange_credential_ref", "cref_t"), true,
                "active", "active", null, Instant.now()));
        await(() -> table.find(gone).isPresent());

        send(Topics.HIRED_AGENTS, gone, null);

        await(() -> table.find(gone).isEmpty());
        assertThat(table.find(LIVE_INSTANCE)).isPresent();
        assertThat(table.size()).isPositive();
    }

    @Test
    void reportsItsHealth() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "commands");
    }

    static ConfigurableApplicationContext start() {
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        String base = platforms.uri().toString();
        return ConnectorsApplication.builder().run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + SharedTestInfra.kafkaBootstrapServers(),
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--myagents.enforcement.command-signing-key=" + Commands.SIGNING_KEY_BASE64,
                "--myagents.vault.resolver-key=" + StubPlatforms.RESOLVER_KEY_BASE64,
                "--myagents.connectors.vault-url=" + base,
                "--myagents.connectors.mode=dry_run",
                "--myagents.connectors.instance-modes[" + LIVE_INSTANCE + "]=live",
                "--myagents.connectors.group-id=" + GROUP,
                "--myagents.connectors.retry-backoff-initial=50ms",
                "--myagents.connectors.retry-backoff-max=200ms",
                "--myagents.connectors.delta.base-url=" + base,
                "--myagents.connectors.linkedin.base-url=" + base,
                "--myagents.connectors.x.base-url=" + base);
    }

    static void send(ExecutionCommand command) {
        send(Topics.EXECUTION_COMMANDS, command.deliverableId(), command);
    }

    static <V> void send(Topic<String, V> topic, String key, V value) {
        TopicWriter.shared().publish(topic, key, value);
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + StubPlatforms.PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
