package com.myagents.testsupport;

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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.myagents.http.door.Door;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;


/**
 * What every door does at its sign-in with a body it cannot read, and with a bearer token it did
 * not sign for itself: a 4xx problem naming the field, or a 401 problem with the correlation id and
 * {@code WWW-Authenticate: Bearer} — and nothing reaches the gateway. Each door's test extends it
 * with its running door, a principal of its own kind and a path it forwards.
 */
public abstract class DoorSignInContract {

    /** Registered here, so each test starts with a gateway that forgot earlier calls. */
    @RegisterExtension
    protected final RunningDoor running;
    private final Door door;
    private final Subject subject;

    /** Who the forged and expired tokens claim to be, and a path the door would forward with a good one. */
    private record Subject(Principal principal, String forwardedPath) {
    }

    protected DoorSignInContract(RunningDoor running, Door door, Principal principal, String forwardedPath) {
        this.running = running;
        this.door = door;
        this.subject = new Subject(principal, forwardedPath);
    }

    @Test
    public void rejectsMalformedJsonWithAProblemThatSaysSo() {
        HttpResponse<String> response = running.http().postJson(door.loginPath(), "{\"email\":\"someone@myagents.local\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString()).contains("JSON");
        assertThat(json(response).get("correlation_id").asString()).isNotBlank();
    }

    @Test
    public void namesTheFieldOfAWronglyTypedValue() {
        assertThat(pointers("{\"email\":[\"someone@myagents.local\"],\"password\":\"x\"}")).first().isEqualTo("/email");
    }

    @Test
    public void namesEveryMissingField() {
        assertThat(pointers("{\"email\":\"  \"}")).containsExactly("/email", "/password");
        assertThat(pointers("{}")).containsExactly("/email", "/password");
    }

    @Test
    public void refusesOverlongCredentialsAsInvalidInput() {
        assertThat(pointers("{\"email\":\"someone@myagents.local\",\"password\":\"" + "x".repeat(400) + "\"}"))
                .containsExactly("/password");
    }

    @Test
    public void refusesACallWithoutAToken() {
        assertUnauthorized(running.http().send(running.http().request(me()).GET().build()));
        assertUnauthorized(running.http().send(running.http().request(subject.forwardedPath()).GET().build()));
        assertThat(running.gateway().receivedNothing()).isTrue();
    }

    @Test
    public void refusesAnAuthorizationThatIsNotBearer() {
        assertUnauthorized(running.http().send(running.http().request(me())
                .header("Authorization", "Basic ZGVtbzpkZW1vLXBhc3N3b3Jk").GET().build()));
    }

    @Test
    public void refusesAnExpiredToken() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new IdentityTokens(door.issuer(), running.tokenKey(), twoHoursAgo)
                .sign(subject.principal(), door.name(), Duration.ofHours(1));

        assertUnauthorized(call(me(), expired));
    }

    @Test
    public void refusesATokenSignedWithAnotherKey() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String forged = new IdentityTokens(door.issuer(), otherKey).sign(subject.principal(), door.name(), Duration.ofMinutes(5));

        assertUnauthorized(call(subject.forwardedPath(), forged));
        assertThat(running.gateway().receivedNothing()).isTrue();
    }

    @Test
    public void refusesAnUnsignedAlgNoneToken() {
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"iss\":\"" + door.issuer() + "\",\"aud\":\"" + door.name() + "\",\"sub\":\""
                + subject.principal().id() + "\",\"kind\":\"" + subject.principal().kind() + "\",\"roles\":[],\"jti\":\"x\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + "}");

        assertUnauthorized(call(me(), header + "." + claims + "."));
    }

    @Test
    public void refusesATokenMeantForAnotherAudience() {
        String gatewayToken = new IdentityTokens(door.issuer(), running.tokenKey())
                .sign(subject.principal(), Hops.GATEWAY_AUDIENCE, Duration.ofMinutes(5));

        assertUnauthorized(call(me(), gatewayToken));
    }

    @Test
    public void refusesGarbage() {
        assertUnauthorized(call(me(), "not.a.token"));
    }

    /** The door's own "who am I" route, which every signed-in caller may read. */
    protected String me() {
        return door.apiPrefix() + "/auth/me";
    }

    protected HttpResponse<String> call(String path, String token) {
        return running.http().send(running.http().request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    protected static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
        assertThat(json(response).get("correlation_id").asString())
                .isEqualTo(response.headers().firstValue(Hops.CORRELATION_HEADER).orElseThrow());
    }

    private List<String> pointers(String body) {
        HttpResponse<String> response = running.http().postJson(door.loginPath(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return json(response).get("errors").valueStream().map(error -> error.get("pointer").asString()).toList();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
