package com.myagents.cp.auth;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.cp.proxy.CpDoor;
import com.myagents.cp.RunningCpBackend;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.RunningDoor;

class BearerTokenTest {

    private static final Principal DEMO = new Principal("00000000-0000-0000-0000-0000000c0001",
            Principal.Kind.CUSTOMER, "demo@myagents.local", Set.of());

    @RegisterExtension
    static final RunningDoor DOOR = RunningCpBackend.DOOR;

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/auth/me", "/api/cp/agent-types", "/api/cp"})
    void refusesACallWithoutAToken(String path) {
        HttpResponse<String> response = HTTP.send(HTTP.request(path).GET().build());

        assertUnauthorized(response);
        assertThat(RunningCpBackend.GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void refusesAnAuthorizationThatIsNotBearer() {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/cp/auth/me")
                .header("Authorization", "Basic ZGVtbzpkZW1vLXBhc3N3b3Jk").GET().build());

        assertUnauthorized(response);
    }

    @Test
    void refusesAnExpiredToken() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new IdentityTokens(Hops.CP_ISSUER, RunningCpBackend.TOKEN_KEY, twoHoursAgo)
                .sign(DEMO, CpDoor.DOOR.name(), Duration.ofHours(1));

        assertUnauthorized(call("/api/cp/auth/me", expired));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String forged = new IdentityTokens(Hops.CP_ISSUER, otherKey).sign(DEMO, CpDoor.DOOR.name(),
                Duration.ofMinutes(5));

        assertUnauthorized(call("/api/cp/agent-types", forged));
        assertThat(RunningCpBackend.GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void refusesAnUnsignedAlgNoneToken() {
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"iss\":\"cp-backend\",\"aud\":\"cp\",\"sub\":\"" + DEMO.id()
                + "\",\"kind\":\"CUSTOMER\",\"roles\":[],\"jti\":\"x\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}");

        assertUnauthorized(call("/api/cp/auth/me", header + "." + claims + "."));
    }

    @Test
    void refusesATokenMeantForAnotherAudience() {
        String gatewayToken = new IdentityTokens(Hops.CP_ISSUER, RunningCpBackend.TOKEN_KEY)
                .sign(DEMO, Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(5));

        assertUnauthorized(call("/api/cp/auth/me", gatewayToken));
    }

    @Test
    void refusesAnOperatorTokenEvenWhenSignedWithTheCustomerKey() {
        Principal operator = new Principal(DEMO.id(), Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("admin"));
        String token = new IdentityTokens(Hops.CP_ISSUER, RunningCpBackend.TOKEN_KEY)
                .sign(operator, CpDoor.DOOR.name(), Duration.ofMinutes(5));

        assertUnauthorized(call("/api/cp/auth/me", token));
    }

    @Test
    void refusesGarbage() {
        assertUnauthorized(call("/api/cp/auth/me", "not.a.token"));
    }

    private static HttpResponse<String> call(String path, String token) {
        return HTTP.send(HTTP.request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
        assertThat(json(response).get("correlation_id").asString())
                .isEqualTo(response.headers().firstValue(Hops.CORRELATION_HEADER).orElseThrow());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
