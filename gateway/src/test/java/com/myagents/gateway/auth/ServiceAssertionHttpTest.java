package com.myagents.gateway.auth;

import static com.myagents.gateway.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
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
import com.nimbusds.jwt.PlainJWT;

import java.net.http.HttpResponse;

/** The gateway forwards only calls that carry a valid assertion of a known service client. */
class ServiceAssertionHttpTest {

    private final RunningGateway gateway = RunningGateway.shared();
    private final RecordingPlant plant = RunningGateway.sharedPlant();
    private final Principal customer = RunningGateway.customer("cust-auth-1");

    @Test
    void forwardsACallCarryingAValidCpAssertion() {
        String correlationId = "auth-ok-" + UUID.randomUUID();

        HttpResponse<String> response = call("Bearer " + RunningGateway.cpAssertion(customer), correlationId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"plant\":\"ok\"}");
        assertThat(plant.receivedWith(correlationId).uri()).isEqualTo("/api/v1/agent-types");
    }

    @Test
    void forwardsAnOperatorCallFromPpBackend() {
        Principal operator = new Principal("op-1", Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("ops"));
        String correlationId = "auth-pp-" + UUID.randomUUID();

        HttpResponse<String> response = call("Bearer "
                + RunningGateway.PP.sign(operator, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)), correlationId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(plant.everReceived(correlationId)).isTrue();
    }

    @Test
    void rejectsACallWithoutAuthorization() {
        assertRejected(null);
    }

    @Test
    void rejectsACredentialThatIsNotABearerToken() {
        assertRejected("Basic Y3AtYmFja2VuZDpzZWNyZXQ=");
        assertRejected("Bearer");
    }

    @Test
    void rejectsAnUnsignedAlgNoneAssertion() {
        String unsigned = new PlainJWT(claimsFor(Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE)).serialize();

        assertRejected("Bearer " + unsigned);
    }

    @Test
    void rejectsAnExpiredAssertion() {
        IdentityTokens cpTenMinutesAgo = new IdentityTokens(Hops.CP_ISSUER, Keys.decode(RunningGateway.CP_KEY),
                Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC));

        assertRejected("Bearer " + cpTenMinutesAgo.sign(customer, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)));
    }

    @Test
    void rejectsAnAssertionSignedWithTheWrongKey() {
        IdentityTokens forger = new IdentityTokens(Hops.CP_ISSUER, Keys.decode(Keys.generate()));

        assertRejected("Bearer " + forger.sign(customer, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)));
    }

    @Test
    void rejectsAnAssertionForAnotherAudience() {
        assertRejected("Bearer " + RunningGateway.CP.sign(customer, Hops.PLANT_AUDIENCE, Duration.ofSeconds(60)));
    }

    @Test
    void rejectsAnAssertionFromAnUnknownIssuer() {
        IdentityTokens stranger = new IdentityTokens("evil-backend", Keys.decode(Keys.generate()));

        assertRejected("Bearer " + stranger.sign(customer, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)));
    }

    @Test
    void rejectsOneClientClaimingToBeAnother() {
        IdentityTokens cpKeyClaimingPp = new IdentityTokens(Hops.PP_ISSUER, Keys.decode(RunningGateway.CP_KEY));
        Principal operator = new Principal("op-1", Principal.Kind.OPERATOR, null, Set.of());

        assertRejected("Bearer " + cpKeyClaimingPp.sign(operator, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)));
    }

    @Test
    void rejectsAPlantIdentityReplayedAsAnAssertion() {
        String plantIdentity = new IdentityTokens(Hops.GATEWAY_ISSUER, Keys.decode(RunningGateway.PLANT_KEY))
                .sign(customer, Hops.PLANT_AUDIENCE, Duration.ofSeconds(60));

        assertRejected("Bearer " + plantIdentity);
    }

    @Test
    void refusesCpBackendVouchingForAnOperator() {
        Principal operator = new Principal("op-1", Principal.Kind.OPERATOR, null, Set.of("ops"));
        String correlationId = "auth-kind-" + UUID.randomUUID();

        HttpResponse<String> response = call("Bearer " + RunningGateway.cpAssertion(operator), correlationId);

        assertThat(problemOf(response, 403).get("reason").asString()).isEqualTo("principal_kind_not_allowed");
        assertThat(plant.everReceived(correlationId)).isFalse();
    }

    @Test
    void rejectsACallCarryingTwoAuthorizationHeaders() {
        String correlationId = "auth-two-" + UUID.randomUUID();
        String valid = "Bearer " + RunningGateway.cpAssertion(customer);

        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/agent-types")
                .header("X-Correlation-ID", correlationId)
                .header("Authorization", valid)
                .header("Authorization", valid));

        problemOf(response, 401);
        assertThat(plant.everReceived(correlationId)).isFalse();
    }

    @Test
    void refusesPathParameterTricksAroundTheApiPrefix() {
        String correlationId = "auth-trick-" + UUID.randomUUID();

        HttpResponse<String> response = gateway.send(gateway.request("/api;v=1/v1/agent-types")
                .header("X-Correlation-ID", correlationId));

        assertThat(response.statusCode()).isIn(400, 401, 404);
        assertThat(plant.everReceived(correlationId)).isFalse();
    }

    private void assertRejected(String authorization) {
        String correlationId = "auth-bad-" + UUID.randomUUID();

        HttpResponse<String> response = call(authorization, correlationId);

        problemOf(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).doesNotContain("signature").doesNotContain("expired");
        assertThat(plant.everReceived(correlationId)).as("forwarded despite %s", authorization).isFalse();
    }

    private HttpResponse<String> call(String authorization, String correlationId) {
        var request = gateway.request("/api/v1/agent-types").header("X-Correlation-ID", correlationId);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return gateway.send(request);
    }

    private static JWTClaimsSet claimsFor(String issuer, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("cust-auth-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).jwtID("j1")
                .claim("kind", "CUSTOMER").claim("roles", List.of("customer")).build();
    }
}
