package com.myagents.connectors.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.myagents.connectors.actions.ActionStatus;
import com.myagents.connectors.connector.RetryLater;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.Connectors;
import com.myagents.connectors.support.StubPlatforms;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ExecutionResult.Status;
import com.myagents.http.identity.Keys;

import tools.jackson.databind.JsonNode;

class VaultResolveTest {

    final Connectors connectors = Connectors.live();
    final StubPlatforms vault = connectors.platforms;
    final String instance = UUID.randomUUID().toString();

    @BeforeEach
    void givenAnInstanceConnectedToX() {
        connectors.marketingInstance(instance, Map.of("x", "cref_x_vault"));
        vault.xAccepts("42");
    }

    @Test
    void asksForOneSecretForOneCustomerActionAndExecutionWithAServiceToken() {
        vault.vaultHasPlatformCredential("cref_x_vault", Commands.CUSTOMER_ID, "x", "@clinic", "tok", null);
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("hi"));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        LoggedRequest call = vault.vaultCalls().get(0);
        JsonNode body = Json.readTree(call.getBodyAsString());
        assertThat(body.get("credential_ref").asString()).isEqualTo("cref_x_vault");
        assertThat(body.get("customer_id").asString()).isEqualTo(Commands.CUSTOMER_ID);
        assertThat(body.get("purpose").asString()).isEqualTo("publish");
        assertThat(body.get("correlation_id").asString()).isEqualTo(command.correlationId());
        assertThat(call.getHeader("X-Correlation-ID")).isEqualTo(command.correlationId());
        assertThat(vault.vaultCallers()).isNotEmpty().allSatisfy(caller -> assertThat(caller.id()).isEqualTo("connector-x"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedByTheVaultAndTheCommandFails() {
        Connectors wrongKey = Connectors.liveWithResolverKey(Keys.generate());
        wrongKey.marketingInstance(instance, Map.of("x", "cref_x_vault"));
        vault.vaultHasPlatformCredential("cref_x_vault", Commands.CUSTOMER_ID, "x", null, "tok", null);
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("hi"));

        ExecutionResult result = wrongKey.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("vault_refused: ").contains("service token", "Nothing was sent");
        assertThat(vault.vaultCalls()).hasSize(1);
        assertThat(vault.xPosts()).isEmpty();
    }

    @Test
    void withoutAResolverKeyNothingIsAskedAndTheCommandFails() {
        Connectors keyless = Connectors.liveWithResolverKey("");
        keyless.marketingInstance(instance, Map.of("x", "cref_x_vault"));
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("hi"));

        assertThat(keyless.handler.handle(Commands.record(command)).result().orElseThrow().detail())
                .startsWith("vault_refused: ").contains("resolver-key");
        assertThat(keyless.platforms.allRequests()).isEmpty();
    }

    @Test
    void aVaultOutageIsRetriedThenGivenUpWithoutSendingAnything() {
        vault.vaultAnswers(503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("hi"));

        assertThatThrownBy(() -> connectors.handler.handle(Commands.record(command)))
                .isInstanceOf(RetryLater.class).hasMessageContaining("503");
        ExecutionResult gaveUp = connectors.handler.giveUp(Commands.record(command), new RetryLater("vault down", true, null))
                .result().orElseThrow();

        assertThat(gaveUp.status()).isEqualTo(Status.FAILED);
        assertThat(gaveUp.detail()).startsWith("retries_exhausted: ").contains("3 attempts", "vault down", "Nothing was sent");
        assertThat(vault.xPosts()).isEmpty();
        assertThat(connectors.handler.handle(Commands.record(command)).result()).contains(gaveUp);
    }

    @Test
    void givingUpOnAnActionAnAttemptClaimedFailsItAsOutcomeUnknown() {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("hi"));
        connectors.actions.claim(command, "x");

        ExecutionResult gaveUp = connectors.handler.giveUp(Commands.record(command), new RuntimeException("boom"))
                .result().orElseThrow();

        assertThat(gaveUp.detail()).startsWith("outcome_unknown: ").contains("boom");
        assertThat(connectors.actions.find(command.idempotencyKey()).orElseThrow().status()).isEqualTo(ActionStatus.FAILED);
    }

    @Test
    void aCredentialTheVaultDoesNotHaveFailsTheCommand() {
        assertThat(detailAfterPosting("a")).startsWith("credential_not_found: ");
        assertThat(vault.xPosts()).isEmpty();
    }

    static Stream<Arguments> finalRefusals() {
        return Stream.of(
                arguments(500, "{\"type\":\"https://myagents.example/problems/credential-unreadable\",\"status\":500}",
                        "credential_unreadable: ", ""),
                arguments(400, "{\"status\":400,\"detail\":\"purpose must say what the secret is for\"}", "vault_refused: ",
                        "purpose must say"),
                arguments(200, "{\"kind\":\"exchange\",\"api_key\":\"k\",\"api_secret\":\"s\"}", "credential_mismatch: ", ""),
                arguments(200, "{\"kind\":\"mystery\"}", "vault_refused: ", "unknown kind"));
    }

    @ParameterizedTest(name = "HTTP {0} {1}: {2}")
    @MethodSource("finalRefusals")
    void finalRefusalsOfTheVaultFailTheCommand(int status, String body, String code, String saying) {
        vault.vaultAnswers(status, body);

        assertThat(detailAfterPosting("b")).startsWith(code).contains(saying);
        assertThat(vault.xPosts()).isEmpty();
    }

    private String detailAfterPosting(String text) {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost(text));
        return connectors.handler.handle(Commands.record(command)).result().orElseThrow().detail();
    }

    @Test
    void aCommandForAnInstanceWithoutTheRefOrOfAnotherCustomerFails() {
        String tradingOnly = UUID.randomUUID().toString();
        connectors.tradingInstance(tradingOnly, "cref_ex");
        ExecutionCommand noRef = Commands.signed(tradingOnly, "publish", Commands.xPost("a"));
        assertThat(connectors.handler.handle(Commands.record(noRef)).result().orElseThrow().detail())
                .startsWith("credential_ref_missing: ").contains("platform_credentials.x.credential_ref");

        ExecutionCommand unknown = Commands.signed(UUID.randomUUID().toString(), "publish", Commands.xPost("b"));
        assertThat(connectors.handler.handle(Commands.record(unknown)).result().orElseThrow().detail())
                .startsWith("hired_instance_unknown: ");

        ExecutionCommand base = Commands.unsigned(instance, "publish", Commands.xPost("c"));
        ExecutionCommand otherCustomer = Commands.SIGNER.sign(new ExecutionCommand(base.commandId(), base.correlationId(),
                base.decisionId(), base.deliverableId(), base.subscriptionId(), UUID.randomUUID().toString(),
                base.hiredInstanceId(), base.action(), base.approvalId(), base.idempotencyKey(), base.payload(),
                base.issuedAt(), null));
        assertThat(connectors.handler.handle(Commands.record(otherCustomer)).result().orElseThrow().detail())
                .startsWith("hired_instance_unknown: ").contains("is not customer");
        assertThat(vault.allRequests()).isEmpty();
    }

    @Test
    void waitsForTheHiredInstancesTableAndAnUnreachableVaultBeforeActing() throws Exception {
        connectors.instances.notLoadedYet();
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("a"));
        assertThatThrownBy(() -> connectors.handler.handle(Commands.record(command)))
                .isInstanceOf(RetryLater.class).hasMessageContaining("not loaded");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VaultClient away = new VaultClient(URI.create("http://127.0.0.1:" + closedPort),
                StubPlatforms.RESOLVER_KEY_BASE64, new Transport(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> away.resolve("x", "cref", Commands.CUSTOMER_ID, "publish", "corr-00000001"))
                .isInstanceOf(VaultUnavailable.class);
    }

    @Test
    void readsTokenExpiriesAsTheVaultWritesThem() {
        assertThat(VaultClient.instant("2026-12-01T10:00:00+05:30")).isEqualTo(java.time.Instant.parse("2026-12-01T04:30:00Z"));
        assertThat(VaultClient.instant("1796083200")).isEqualTo(java.time.Instant.ofEpochSecond(1796083200L));
        assertThat(VaultClient.instant("soon")).isNull();
        assertThat(VaultClient.instant(null)).isNull();
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        assertThat(new PlatformCredential("cref_1", "x", "@a", null, "secret-token").toString())
                .doesNotContain("secret-token");
        assertThat(new ExchangeCredential("cref_2", "delta_exchange_india", "the-key", "the-secret").toString())
                .doesNotContain("the-key").doesNotContain("the-secret");
    }
}
