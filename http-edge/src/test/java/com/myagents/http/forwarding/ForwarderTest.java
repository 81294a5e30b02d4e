package com.myagents.http.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.myagents.http.body.JsonBodyFilter;
import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Hops;
import com.myagents.http.problem.ApiProblem;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import jakarta.servlet.http.HttpServletRequest;

class ForwarderTest {

    record Received(String method, String uri, Headers headers, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer upstream;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), body));
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                sleep(1500);
            }
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Location", "/api/v1/things/1");
            exchange.getResponseHeaders().add("Retry-After", "3");
            exchange.getResponseHeaders().add("X-Upstream-Secret", "internal");
            exchange.getResponseHeaders().add("Set-Cookie", "session=upstream");
            if (exchange.getRequestURI().getPath().equals("/download")) {
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"denials.csv\"");
            }
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void forwardsMethodQueryBodyAndOnlyForwardableHeaders() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cp/things");
        request.setQueryString("page=2&size=10");
        request.setContent("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        request.addHeader("Content-Type", "application/json");
        request.addHeader("Accept-Language", "en-IN");
        request.addHeader("X-Metering-Units", "0");
        request.addHeader("X-Customer-Id", "someone-else");
        request.addHeader("Authorization", "Bearer browser-token");
        request.addHeader("X-Plant-Identity", "forged");
        request.setAttribute(CorrelationIdFilter.ATTRIBUTE, "corr-id-000001");
        Forwarder forwarder = new Forwarder(client, base("/"), Duration.ofSeconds(2));

        ResponseEntity<byte[]> answer = forwarder.forward(request, "/api/v1/things",
                Map.of(Hops.PLANT_IDENTITY_HEADER, "signed-by-this-hop"));

        Received got = received.get(0);
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.uri()).isEqualTo("/api/v1/things?page=2&size=10");
        assertThat(got.body()).isEqualTo("{\"name\":\"x\"}");
        assertThat(got.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(got.headers().getFirst("Accept-Language")).isEqualTo("en-IN");
        assertThat(got.headers().getFirst("X-Correlation-ID")).isEqualTo("corr-id-000001");
        assertThat(got.headers().get("X-Plant-Identity")).containsExactly("signed-by-this-hop");
        assertThat(got.headers()).doesNotContainKeys("X-metering-units", "X-customer-id", "Authorization");

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(answer.getHeaders().getFirst("Location")).isEqualTo("/api/v1/things/1");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        assertThat(answer.getHeaders().containsHeader("X-Upstream-Secret")).isFalse();
        assertThat(answer.getHeaders().containsHeader("Set-Cookie")).isFalse();
    }

    @Test
    void sendsAnEmptyGetWithoutQuery() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        Forwarder forwarder = new Forwarder(client, base(""), Duration.ofSeconds(2));

        forwarder.forward(request, "api/v1/agent-types", Map.of());

        assertThat(received.get(0).uri()).isEqualTo("/api/v1/agent-types");
        assertThat(received.get(0).body()).isEmpty();
        assertThat(received.get(0).headers().getFirst("X-Correlation-ID")).isNotBlank();
    }

    @Test
    void streamsADownloadWithItsFileNameAndOnlyTheReturnableHeaders() throws IOException {
        Forwarder forwarder = new Forwarder(client, base(""), Duration.ofSeconds(2));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/pp/ops/denials/export");
        request.setQueryString("format=csv");

        ResponseEntity<StreamingResponseBody> answer = forwarder.forwardStreaming(request, "/download",
                Map.of("Authorization", "Bearer service"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        answer.getBody().writeTo(body);

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(answer.getHeaders().getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"denials.csv\"");
        assertThat(answer.getHeaders().containsHeader("X-Upstream-Secret")).isFalse();
        assertThat(received.get(0).uri()).isEqualTo("/download?format=csv");
        assertThat(received.get(0).headers().getFirst("Authorization")).isEqualTo("Bearer service");
    }

    @Test
    void aDownloadFromAnUnreachableOrSlowUpstreamIsA502OrA504() throws IOException {
        Forwarder unreachable = new Forwarder(client, whereNothingListens(), Duration.ofSeconds(2));
        Forwarder impatient = new Forwarder(client, base(""), Duration.ofMillis(300));

        assertThatThrownBy(() -> unreachable.forwardStreaming(new MockHttpServletRequest("GET", "/x"), "/x", Map.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(502));
        assertThatThrownBy(() -> impatient.forwardStreaming(new MockHttpServletRequest("GET", "/x"), "/slow", Map.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(504));
    }

    @Test
    void answers502WhenTheUpstreamIsUnreachable() throws IOException {
        Forwarder forwarder = new Forwarder(client, whereNothingListens(), Duration.ofSeconds(2));

        assertThatThrownBy(() -> forwarder.forward(new MockHttpServletRequest("GET", "/x"), "/api/v1/x", Map.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(502));
    }

    @Test
    void answers504WhenTheUpstreamIsTooSlow() {
        Forwarder forwarder = new Forwarder(client, base(""), Duration.ofMillis(300));

        assertThatThrownBy(() -> forwarder.forward(new MockHttpServletRequest("GET", "/x"), "/slow", Map.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(504));
    }

    @Test
    void sendsACheckedJsonBodyOnceAsTheDoorCheckedIt() throws Exception {
        MockHttpServletRequest browser = new MockHttpServletRequest("POST", "/api/cp/deliverables/d-1/execute");
        browser.addHeader("Content-Type", "application/json; charset=UTF-8");
        browser.setContent("{ \"approval_id\" : \"a-1\" }".getBytes(StandardCharsets.UTF_8));
        AtomicReference<HttpServletRequest> checked = new AtomicReference<>();
        new JsonBodyFilter(Forwarder.DEFAULT_MAX_BODY_BYTES).doFilter(browser, new MockHttpServletResponse(),
                (req, res) -> checked.set((HttpServletRequest) req));
        Forwarder forwarder = new Forwarder(client, base(""), Duration.ofSeconds(2));

        ResponseEntity<byte[]> answer = forwarder.forward(checked.get(), "/api/v1/deliverables/d-1/execute", Map.of());

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(received).singleElement().satisfies(got -> {
            assertThat(got.method()).isEqualTo("POST");
            assertThat(got.uri()).isEqualTo("/api/v1/deliverables/d-1/execute");
            assertThat(got.body()).isEqualTo("{\"approval_id\":\"a-1\"}");
            assertThat(got.headers().getFirst("Content-Type")).isEqualTo("application/json");
            assertThat(got.headers().getFirst("Content-Length")).isEqualTo("21");
        });
    }

    @Test
    void aCallThatTimesOutWasSentOnceWithItsBody() {
        Forwarder forwarder = new Forwarder(client, base(""), Duration.ofMillis(300));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
        request.addHeader("Content-Type", "application/json");
        request.setContent("{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> forwarder.forward(request, "/slow", Map.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(504));
        assertThat(received).singleElement().satisfies(got -> assertThat(got.body()).isEqualTo("{}"));
    }

    @Test
    void refusesABodyLargerThanTheLimitWithoutForwarding() {
        Forwarder forwarder = new Forwarder(client, base(""), Duration.ofSeconds(2), 8);
        MockHttpServletRequest declared = new MockHttpServletRequest("POST", "/x");
        declared.setContent("0123456789".getBytes(StandardCharsets.UTF_8));
        MockHttpServletRequest undeclared = new MockHttpServletRequest("POST", "/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        undeclared.setContent("0123456789".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> forwarder.forward(declared, "/api/v1/x", Map.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(413));
        assertThatThrownBy(() -> forwarder.forward(undeclared, "/api/v1/x", Map.of()))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(413));
        assertThat(received).isEmpty();
    }

    private URI base(String suffix) {
        return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + suffix);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A local address whose port was free a moment ago: connecting to it is refused. */
    private static URI whereNothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
