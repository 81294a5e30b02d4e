package com.myagents.pp.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.door.GatewayProperties;
import com.myagents.http.door.ServiceAssertions;
import com.myagents.pp.proxy.PpDoor;
import com.sun.net.httpserver.HttpServer;

class PlantClientTest {

    static final Principal ADMIN = new Principal("00000000-0000-0000-0000-0000000b0001", Principal.Kind.OPERATOR,
            "ops@myagents.local", Set.of("admin"));
    static final ServiceAssertions ASSERTIONS = new ServiceAssertions(PpDoor.DOOR.issuer(), Keys.decode(Keys.generate()));

    @Test
    void anUnreachableGatewayIsABadGatewayAndASlowOneATimeout() throws IOException {
        PlantClient unreachable = new PlantClient(new GatewayProperties(URI.create("http://127.0.0.1:1"), "k",
                Duration.ofSeconds(2)), ASSERTIONS);
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.createContext("/", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            PlantClient slow = new PlantClient(new GatewayProperties(URI.create("http://127.0.0.1:"
                    + silent.getAddress().getPort() + "/"), "k", Duration.ofMillis(300)), ASSERTIONS);

            assertThatThrownBy(() -> unreachable.get("/api/v1/agent-types", ADMIN, "corr-unreachable-1"))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(502));
            assertThatThrownBy(() -> slow.get("/api/v1/agent-types", ADMIN, "corr-slow-0001"))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(504));
        } finally {
            silent.stop(0);
        }
    }

    @Test
    void keepsAnAnswerThatIsNotJsonAsText() throws IOException {
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> {
            byte[] body = "upstream says no".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plain.start();
        try {
            PlantClient client = new PlantClient(new GatewayProperties(URI.create("http://127.0.0.1:"
                    + plain.getAddress().getPort()), "k", Duration.ofSeconds(2)), ASSERTIONS);

            PlantClient.Reply reply = client.post("/api/v1/x", null, ADMIN, "corr-plain-0001");

            assertThat(reply.ok()).isFalse();
            assertThat(reply.body().asString()).isEqualTo("upstream says no");
            assertThat(reply.relay().getStatusCode().value()).isEqualTo(503);
            assertThat(reply.relay().getHeaders().getContentType()).hasToString("text/plain");
        } finally {
            plain.stop(0);
        }
    }
}
