package com.myagents.pp.auth;

import static com.myagents.pp.RunningPpBackend.HTTP;
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

import com.myagents.pp.proxy.PpDoor;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.pp.RunningPpBackend;
import com.myagents.testsupport.RunningDoor;

class BearerTokenTest {

    private static final Principal OPS = new Principal("00000000-0000-0000-0000-0000000b0001",
            Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("admin"));

    @RegisterExtension
    static final RunningDoor DOOR = RunningPpBackend.DOOR;

    @Test
    void refusesACallWithoutAToken() {
        assertUnauthorized(HTTP.send(HTTP.request("/api/pp/hired-agents").GET().build()));
        assertThat(RunningPpBackend.GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void refusesAnExpiredToken() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new IdentityTokens(Hops.PP_ISSUER, RunningPpBackend.TOKEN_KEY, twoHoursAgo)
                .sign(OPS, PpDoor.DOOR.name(), Duration.ofHours(1));

        assertUnauthorized(call("/api/pp/auth/me", expired));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String forged = new IdentityTokens(Hops.PP_ISSUER, otherKey).sign(OPS, PpDoor.DOOR.name(),
                Duration.ofMinutes(5));

        assertUnauthorized(call("/api/pp/hired-agents", forged));
        assertThat(RunningPpBackend.GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void refusesAnUnsignedAlgNoneToken() {
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"none\"}");
        String claims = base64Url("{\"iss\":\"pp-backend\",\"aud\":\"pp\",\"sub\":\"" + OPS.id()
                + "\",\"kind\":\"OPERATOR\",\"roles\":[\"admin\"],\"jti\":\"x\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + "}");

        assertUnauthorized(call("/api/pp/auth/me", header + "." + claims + "."));
    }

    @Test
    void refusesACustomerTokenFromCp() {
        Principal customer = new Principal("00000000-0000-0000-0000-0000000c0001", Principal.Kind.CUSTOMER,
                "demo@myagents.local", Set.of());
        String cpToken = new IdentityTokens(Hops.CP_ISSUER, RunningPpBackend.TOKEN_KEY)
                .sign(customer, "cp", Duration.ofMinutes(5));
        String customerKindForPp = new IdentityTokens(Hops.PP_ISSUER, RunningPpBackend.TOKEN_KEY)
                .sign(customer, PpDoor.DOOR.name(), Duration.ofMinutes(5));

        assertUnauthorized(call("/api/pp/auth/me", cpToken));
        assertUnauthorized(call("/api/pp/auth/me", customerKindForPp));
    }

    private static HttpResponse<String> call(String path, String token) {
        return HTTP.send(HTTP.request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("correlation_id").asString())
                .isEqualTo(response.headers().firstValue(Hops.CORRELATION_HEADER).orElseThrow());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
