package com.myagents.cp.proxy;

import static com.myagents.cp.RunningCpBackend.HTTP;
import static com.myagents.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.myagents.cp.RunningCpBackend;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.Http;
import com.myagents.testsupport.RecordingGateway;
import com.myagents.testsupport.RecordingGateway.Received;
import com.myagents.testsupport.RunningDoor;

class GatewayProxyTest {

    private static final String DEMO_ID = "00000000-0000-0000-0000-0000000c0001";
    private static final RecordingGateway GATEWAY = RunningCpBackend.GATEWAY;

    private static String demoToken;

    @BeforeAll
    static void signIn() {
        demoToken = HTTP.login("demo@myagents.local", "demo-password");
    }

    @RegisterExtension
    static final RunningDoor DOOR = RunningCpBackend.DOOR;

    @Test
    void forwardsToTheGatewayAsTheVerifiedCustomer() throws Exception {
        // When the demo customer asks cp-backend for something Plant has
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/cp/hired-agents/h-1/goals?status=active&page=2")
                .header("Authorization", "Bearer " + demoToken).GET().build());

        // Then the gateway gets the same path under /api/v1, with the query
        Received got = GATEWAY.next();
        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.path()).isEqualTo("/api/v1/hired-agents/h-1/goals");
        assertThat(got.rawQuery()).isEqualTo("status=active&page=2");

        // and a short-lived service assertion, signed by cp-backend, naming the token's customer
        String authorization = got.header("Authorization");
        assertThat(authorization).startsWith("Bearer ").isNotEqualTo("Bearer " + demoToken);
        Principal asserted = new IdentityTokens(Hops.GATEWAY_ISSUER, RunningCpBackend.SERVICE_KEY)
                .verify(authorization.substring("Bearer ".length()), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE);
        assertThat(asserted.id()).isEqualTo(DEMO_ID);
        assertThat(asserted.kind()).isEqualTo(Principal.Kind.CUSTOMER);
        assertThat(asserted.email()).isEqualTo("demo@myagents.local");
        // with the display name from cp.customers, so Plant can show operators who the customer is
        assertThat(asserted.name()).isEqualTo("Demo Clinic");
        assertThat(expiry(authorization)).isBefore(Instant.now().plus(Duration.ofSeconds(61)));

        // and the caller gets the gateway's answer, without the gateway's private headers
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("upstream").asString()).isEqualTo("gateway");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("X-Internal-Debug")).isEmpty();
    }

    @Test
    void forwardsTheBodyAndPassesTheUpstreamStatusAndLocationBack() throws Exception {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/cp/deliverables/d-1/execute")
                .header("Authorization", "Bearer " + demoToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"approval_id\":\"a-1\"}")).build());

        Received got = GATEWAY.next();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/api/v1/deliverables/d-1/execute");
        assertThat(got.body()).isEqualTo("{\"approval_id\":\"a-1\"}");
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/things/1");
    }

    @Test
    void dropsEveryServerOnlyHeaderTheBrowserSent() throws Exception {
        // Given a browser that tries to speak for the server
        HttpRequest spoofed = HTTP.request("/api/cp/subscriptions")
                .header("Authorization", "Bearer " + demoToken)
                .header("X-Customer-Id", "00000000-0000-0000-0000-0000000c0002")
                .header("customer_id", "00000000-0000-0000-0000-0000000c0002")
                .header("X-Metering-Units", "0")
                .header("X-Metering-Budget-Override", "unlimited")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Host", "internal")
                .header("X-Internal-Service", "enforcement")
                .header("X-Operator-Id", "ops")
                .header("X-Plant-Identity", "forged")
                .header("Cookie", "session=1")
                .header("Accept", "application/json")
                .GET().build();

        // When it calls through the door
        HTTP.send(spoofed);

        // Then none of it reaches the gateway; the harmless headers do
        Received got = GATEWAY.next();
        for (String header : new String[] {"X-Customer-Id", "customer_id", "X-Metering-Units",
                "X-Metering-Budget-Override", "X-Forwarded-For", "X-Forwarded-Host", "X-Internal-Service",
                "X-Operator-Id", "X-Plant-Identity", "Cookie"}) {
            assertThat(got.hasHeader(header)).as(header).isFalse();
        }
        assertThat(got.header("Accept")).isEqualTo("application/json");
        Principal asserted = new IdentityTokens(Hops.GATEWAY_ISSUER, RunningCpBackend.SERVICE_KEY)
                .verify(got.header("Authorization").substring(7), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE);
        assertThat(asserted.id()).isEqualTo(DEMO_ID);
    }

    @Test
    void dropsACustomerIdTheBrowserPutInTheQuery() throws Exception {
        HTTP.send(HTTP.request("/api/cp/subscriptions?customer_id=00000000-0000-0000-0000-0000000c0002&status=active"
                + "&customer%5Fid=x&customerId=y")
                .header("Authorization", "Bearer " + demoToken).GET().build());

        assertThat(GATEWAY.next().rawQuery()).isEqualTo("status=active");
    }

    @Test
    void mintsTheCorrelationIdAndPassesTheBrowsersOnOnlyAsAClientReference() throws Exception {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/cp/agent-types")
                .header("Authorization", "Bearer " + demoToken)
                .header(Hops.CORRELATION_HEADER, "trace-0123456789").GET().build());

        RecordingGateway.Received got = GATEWAY.next();
        String minted = got.header(Hops.CORRELATION_HEADER);
        assertThat(minted).isNotEqualTo("trace-0123456789").isNotBlank();
        assertThat(got.header(Hops.CLIENT_CORRELATION_HEADER)).isEqualTo("trace-0123456789");
        assertThat(response.headers().allValues(Hops.CORRELATION_HEADER)).containsExactly(minted);
    }

    @Test
    void replacesAMalformedCorrelationId() throws Exception {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/cp/agent-types")
                .header("Authorization", "Bearer " + demoToken)
                .header(Hops.CORRELATION_HEADER, "bad id\\with spaces").GET().build());

        String minted = GATEWAY.next().header(Hops.CORRELATION_HEADER);
        assertThat(minted).isNotEqualTo("bad id\\with spaces").isNotBlank();
        assertThat(response.headers().firstValue(Hops.CORRELATION_HEADER)).hasValue(minted);
    }

    @Test
    void keepsItsOwnEndpointsAwayFromTheGateway() {
        // a GET of the POST-only login must not fall through to the proxy
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/cp/auth/login")
                .header("Authorization", "Bearer " + demoToken).GET().build());

        assertThat(response.statusCode()).isIn(404, 405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(GATEWAY.receivedNothing()).isTrue();
    }

    @Test
    void answersBadGatewayWhenTheGatewayHangsUp() throws Exception {
        HttpResponse<String> response = HTTP.send(HTTP.request("/api/cp" + RecordingGateway.BROKEN)
                .header("Authorization", "Bearer " + demoToken).GET().build());

        GATEWAY.next();
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("correlation_id").asString()).isNotBlank();
    }

    private static Instant expiry(String authorization) {
        String payload = authorization.substring(7).split("\\.")[1];
        String claims = new String(Base64.getUrlDecoder().decode(payload));
        return Instant.ofEpochSecond(Http.JSON.readTree(claims).get("exp").asLong());
    }
}
