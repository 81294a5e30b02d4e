package com.myagents.cp.vault.resolve;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.cp.proxy.CpDoor;
import com.myagents.http.door.DoorTokens;
import com.myagents.cp.CapturedLogs;
import com.myagents.cp.CpDatabase;
import com.myagents.cp.Credentials;
import com.myagents.cp.Demo;
import com.myagents.cp.RunningCpBackend;
import com.myagents.cp.customers.Customer;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

import tools.jackson.databind.JsonNode;

class ResolveTest {

    @Test
    void handsAPlatformSecretToAConnectorForOneExecutionAndAuditsIt() {
        String accessToken = "AQV-" + UUID.randomUUID();
        String ref = json(HTTP.putJson("/api/cp/platform-credentials", Demo.token(), """
                {"platform":"linkedin","posting_identity":"urn:li:organization:7","access_token":"%s",
                 "refresh_token":"refresh-1"}""".formatted(accessToken))).get("credential_ref").asString();
        String execution = "exec-" + UUID.randomUUID();

        HttpResponse<String> response;
        try (CapturedLogs logs = new CapturedLogs()) {
            response = Connector.resolve(Connector.token(), ref, Demo.CUSTOMER_ID, execution);
            assertThat(logs.text()).contains(ref).doesNotContain(accessToken);
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode secret = json(response);
        assertThat(secret.get("kind").asString()).isEqualTo("platform");
        assertThat(secret.get("credential_ref").asString()).isEqualTo(ref);
        assertThat(secret.get("customer_id").asString()).isEqualTo(Demo.CUSTOMER_ID);
        assertThat(secret.get("platform").asString()).isEqualTo("linkedin");
        assertThat(secret.get("posting_identity").asString()).isEqualTo("urn:li:organization:7");
        assertThat(secret.get("access_token").asString()).isEqualTo(accessToken);
        assertThat(secret.get("refresh_token").asString()).isEqualTo("refresh-1");

        assertThat(audit(ref)).singleElement().satisfies(row -> {
            assertThat(row.get("caller")).isEqualTo("connector-linkedin");
            assertThat(row.get("customer_id")).isEqualTo(Demo.CUSTOMER_ID);
            assertThat(row.get("purpose")).isEqualTo("publish");
            assertThat(row.get("correlation_id")).isEqualTo(execution);
            assertThat(row.get("outcome")).isEqualTo("resolved");
            assertThat(row.get("accessed_at")).isNotNull();
        });
        JsonNode listed = json(HTTP.get("/api/cp/platform-credentials/" + ref, Demo.token()));
        assertThat(listed.get("last_used_at").isNull()).isFalse();
    }

    @Test
    void handsAnExchangeSetupWithItsLimits() {
        String ref = Credentials.exchange(Demo.token());

        HttpResponse<String> response = Connector.resolve(Connector.token(), ref, Demo.CUSTOMER_ID, "exec-trade-0001");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode secret = json(response);
        assertThat(secret.get("kind").asString()).isEqualTo("exchange");
        assertThat(secret.get("api_key").asString()).startsWith("key-");
        assertThat(secret.get("api_secret").asString()).startsWith("secret-");
        assertThat(secret.get("allowed_coins").size()).isEqualTo(2);
        assertThat(secret.get("max_units_per_order").asInt()).isEqualTo(5);
    }

    @Test
    void refusesACustomerTokenAndAnAnonymousCallWritesNothing() {
        String ref = Credentials.exchange(Demo.token());
        String correlation = "probe-" + UUID.randomUUID();

        HttpResponse<String> response = send(Demo.token(), ref, correlation);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("api_secret");
        // an anonymous caller could otherwise fill the audit table: without a service token nothing is written
        assertThat(CpDatabase.query("SELECT caller FROM cp.credential_access_audit WHERE correlation_id = ?",
                correlation)).isEmpty();
    }

    @Test
    void aSignedCommandResolvesEachCredentialOnceAndAReplayIsRefused() {
        String ref = Credentials.exchange(Demo.token());
        String execution = "exec-once-" + UUID.randomUUID();

        HttpResponse<String> first = send(Connector.token(), ref, execution);
        HttpResponse<String> replay = send(Connector.token(), ref, execution);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).doesNotContain("api_secret");
        assertThat(audit(ref)).extracting(row -> row.get("outcome")).containsExactly("resolved", "replayed");
    }

    @Test
    void isServedOnTheVaultsOwnListenerOnlyAndTheVaultListenerServesNothingElse() {
        String ref = Credentials.exchange(Demo.token());
        String body = "{\"credential_ref\":\"" + ref + "\",\"customer_id\":\"" + Demo.CUSTOMER_ID
                + "\",\"purpose\":\"publish\",\"correlation_id\":\"exec-public-0001\"}";

        HttpResponse<String> onPublicPort = HTTP.send(HTTP.request(ResolveController.PATH)
                .header("Authorization", "Bearer " + Connector.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        HttpResponse<String> loginOnVaultPort = HTTP.send(HttpRequest.newBuilder(RunningCpBackend.vaultUri("/api/cp/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"demo@myagents.local\",\"password\":\"demo-password\"}"))
                .build());

        assertThat(onPublicPort.statusCode()).isEqualTo(404);
        assertThat(onPublicPort.body()).doesNotContain("api_secret");
        assertThat(loginOnVaultPort.statusCode()).isEqualTo(404);
        assertThat(audit(ref)).isEmpty();
    }

    @Test
    void refusesEveryTokenButAConnectorServiceTokenForTheVault() {
        String ref = Credentials.exchange(Demo.token());
        Principal service = Connector.LINKEDIN;
        Principal customer = new Principal(Demo.CUSTOMER_ID, Principal.Kind.CUSTOMER, "demo@myagents.local", Set.of());
        byte[] otherKey = UUID.randomUUID().toString().repeat(2).getBytes();

        List<String> tokens = List.of(
                new IdentityTokens(ResolverTokens.ISSUER, RunningCpBackend.RESOLVER_KEY)
                        .sign(customer, ResolverTokens.AUDIENCE, Duration.ofMinutes(1)),
                new IdentityTokens(ResolverTokens.ISSUER, RunningCpBackend.RESOLVER_KEY)
                        .sign(service, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(1)),
                new IdentityTokens(Hops.CP_ISSUER, RunningCpBackend.RESOLVER_KEY)
                        .sign(service, ResolverTokens.AUDIENCE, Duration.ofMinutes(1)),
                new IdentityTokens(ResolverTokens.ISSUER, otherKey).sign(service, ResolverTokens.AUDIENCE, Duration.ofMinutes(1)),
                new DoorTokens(CpDoor.DOOR, RunningCpBackend.TOKEN_KEY, Duration.ofMinutes(5))
                        .issue(new Customer(UUID.fromString(Demo.CUSTOMER_ID), "demo@myagents.local", "x", "Demo").principal()),
                "garbage");
        for (String token : tokens) {
            assertThat(send(token, ref, "exec-forged-0001").statusCode()).as(token).isEqualTo(401);
        }
        assertThat(Connector.resolveRaw(null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void answersNotFoundForAnotherCustomersRefAndAuditsIt() {
        String othersRef = Credentials.exchange(Demo.otherToken());

        HttpResponse<String> asDemo = Connector.resolve(Connector.token(), othersRef, Demo.CUSTOMER_ID, "exec-cross-0001");
        HttpResponse<String> unknown = Connector.resolve(Connector.token(), "cref_0000000000000000000000",
                Demo.CUSTOMER_ID, "exec-cross-0002");

        assertThat(asDemo.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(asDemo.body()).doesNotContain("api_key");
        assertThat(audit(othersRef)).singleElement()
                .satisfies(row -> assertThat(row.get("outcome")).isEqualTo("not_found"));
    }

    @Test
    void namesWhatIsMissingFromARequestAndAuditsIt() {
        HttpResponse<String> incomplete = Connector.resolveRaw(Connector.token(),
                "{\"credential_ref\":\"cref_incomplete\",\"customer_id\":\"someone\",\"purpose\":\"post\\nFORGED\"}");
        HttpResponse<String> notJson = Connector.resolveRaw(Connector.token(), "[not json");
        HttpResponse<String> array = Connector.resolveRaw(Connector.token(), "[1,2]");

        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(json(incomplete).get("errors").valueStream().map(error -> error.get("pointer").asString()))
                .containsExactly("/customer_id", "/purpose", "/correlation_id");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(array.statusCode()).isEqualTo(400);
        assertThat(audit("cref_incomplete")).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("invalid_request");
            assertThat(row.get("customer_id")).isEqualTo("someone");
        });
    }

    @Test
    void isNotPartOfTheCustomersDoor() throws Exception {
        String ref = Credentials.exchange(Demo.token());
        RunningCpBackend.GATEWAY.forget();

        // under /api/cp the path is just another Plant path for the gateway, never the vault's
        HttpResponse<String> throughDoor = HTTP.send(HTTP.request("/api/cp/internal/vault/resolve")
                .header("Authorization", "Bearer " + Demo.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"credential_ref\":\"" + ref + "\"}")).build());
        // and the internal path itself is neither the UI nor open to a GET
        HttpResponse<String> asPage = HTTP.get(ResolveController.PATH, Demo.token());

        assertThat(RunningCpBackend.GATEWAY.next().path()).isEqualTo("/api/v1/internal/vault/resolve");
        assertThat(throughDoor.body()).doesNotContain("api_secret");
        assertThat(asPage.statusCode()).isIn(404, 405);
        assertThat(asPage.body()).doesNotContain("cp-test-index");
    }

    private static HttpResponse<String> send(String bearer, String ref, String correlation) {
        return Connector.resolve(bearer, ref, Demo.CUSTOMER_ID, correlation);
    }

    private static List<Map<String, Object>> audit(String ref) {
        return CpDatabase.query("SELECT * FROM cp.credential_access_audit WHERE credential_ref = ? ORDER BY accessed_at",
                ref);
    }
}
