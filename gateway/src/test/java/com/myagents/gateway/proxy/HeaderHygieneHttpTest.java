package com.myagents.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.gateway.RecordingPlant;
import com.myagents.gateway.RunningGateway;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** What crosses the gateway: only what the caller may say, plus what the gateway vouches for. */
class HeaderHygieneHttpTest {

    private final RunningGateway gateway = RunningGateway.shared();
    private final RecordingPlant plant = RunningGateway.sharedPlant();

    @Test
    void spoofedServerOnlyHeadersNeverReachThePlant() {
        Principal customer = RunningGateway.customer("cust-hygiene-1");
        Principal victim = RunningGateway.customer("cust-victim");
        String forgedIdentity = new IdentityTokens(Hops.GATEWAY_ISSUER, Keys.decode(Keys.generate()))
                .sign(victim, Hops.PLANT_AUDIENCE, Duration.ofSeconds(60));
        String correlationId = "hygiene-" + UUID.randomUUID();

        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/deliverables/d1/execute?dry_run=true")
                .header("Authorization", "Bearer " + RunningGateway.cpAssertion(customer))
                .header("X-Correlation-ID", correlationId)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en-IN")
                .header("X-Metering-Units", "0")
                .header("X-Metering-Cost", "0")
                .header("X-Customer-Id", "cust-victim")
                .header("X-Operator-Role", "admin")
                .header("X-Internal-Bypass", "true")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Host", "plant.internal")
                .header("X-Plant-Identity", forgedIdentity)
                .header("Cookie", "session=browser")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"publish\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        RecordingPlant.Received got = plant.receivedWith(correlationId);
        assertThat(got.headers().keySet()).noneMatch(name -> name.startsWith("x-metering")
                || name.startsWith("x-operator") || name.startsWith("x-internal") || name.startsWith("x-forwarded"));
        assertThat(got.headers()).doesNotContainKeys("x-customer-id", "authorization", "cookie");
        assertThat(got.headers().get("x-plant-identity")).hasSize(1).doesNotContain(forgedIdentity);
        assertThat(RunningGateway.PLANT_VERIFIER.verify(got.header("X-Plant-Identity"),
                Hops.GATEWAY_ISSUER, Hops.PLANT_AUDIENCE)).isEqualTo(customer);
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        assertThat(got.header("Accept-Language")).isEqualTo("en-IN");
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.uri()).isEqualTo("/api/v1/deliverables/d1/execute?dry_run=true");
        assertThat(got.body()).isEqualTo("{\"action\":\"publish\"}");
    }

    @Test
    void plantIdentityIsAShortLivedGatewayTokenForIngestApiOnly() throws Exception {
        Principal operator = new Principal("op-hygiene", Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("ops"));
        String correlationId = "identity-" + UUID.randomUUID();

        gateway.send(gateway.request("/api/v1/ops/denials")
                .header("Authorization", "Bearer " + RunningGateway.PP.sign(operator, Hops.GATEWAY_AUDIENCE,
                        Duration.ofSeconds(60)))
                .header("X-Correlation-ID", correlationId));

        String identity = plant.receivedWith(correlationId).header("X-Plant-Identity");
        JWTClaimsSet claims = SignedJWT.parse(identity).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("gateway");
        assertThat(claims.getAudience()).containsExactly("ingest-api");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(RunningGateway.PLANT_VERIFIER.verify(identity, Hops.GATEWAY_ISSUER, Hops.PLANT_AUDIENCE))
                .isEqualTo(operator);
    }

    @Test
    void keepsAWellFormedCorrelationIdAcrossTheHop() {
        String correlationId = "cp-trace:" + UUID.randomUUID();

        HttpResponse<String> response = gateway.send(authorized("/api/v1/agent-types")
                .header("X-Correlation-ID", correlationId));

        assertThat(response.headers().allValues("X-Correlation-ID")).containsExactly(correlationId);
        assertThat(plant.receivedWith(correlationId)).isNotNull();
    }

    @Test
    void mintsACorrelationIdWhenTheCallersIsMalformed() {
        String malformed = "bad id\twith tab";

        HttpResponse<String> response = gateway.send(authorized("/api/v1/agent-types?probe=" + UUID.randomUUID())
                .header("X-Correlation-ID", "x".repeat(200))
                .header("X-Request-Note", malformed));

        String minted = response.headers().firstValue("X-Correlation-ID").orElseThrow();
        assertThat(minted).matches("[0-9a-f-]{36}");
        assertThat(plant.receivedWith(minted).header("X-Correlation-ID")).isEqualTo(minted);
        assertThat(plant.receivedWith(minted).headers()).doesNotContainKey("x-request-note");
    }

    @Test
    void passesThePlantsAnswerBackButNotItsInternalHeaders() {
        HttpResponse<String> response = gateway.send(authorized("/api/v1/status/404"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("from plant");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().map()).doesNotContainKey("x-plant-internal");
        assertThat(response.headers().allValues("X-Correlation-ID")).hasSize(1);
    }

    private HttpRequest.Builder authorized(String path) {
        return gateway.request(path)
                .header("Authorization", "Bearer " + RunningGateway.cpAssertion(RunningGateway.customer("cust-hygiene-2")));
    }
}
