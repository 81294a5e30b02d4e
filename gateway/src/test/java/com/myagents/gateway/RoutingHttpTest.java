package com.myagents.gateway;

import static com.myagents.gateway.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The gateway exposes /api/v1/** (authenticated) and /actuator/health (open), and nothing else. */
class RoutingHttpTest {

    private final RunningGateway gateway = RunningGateway.shared();
    private final RecordingPlant plant = RunningGateway.sharedPlant();

    @Test
    void healthIsOpen() {
        HttpResponse<String> health = gateway.send(gateway.request("/actuator/health"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void everythingElseIsNotFound() {
        for (String path : new String[] {"/", "/actuator/env", "/actuator/beans", "/api/v2/agent-types",
                "/api/cp/agent-types", "/index.html", "/error"}) {
            HttpResponse<String> response = gateway.send(gateway.request(path)
                    .header("Authorization", "Bearer " + RunningGateway.cpAssertion(RunningGateway.customer("c-route"))));
            problemOf(response, 404);
        }
    }

    @Test
    void forwardsEveryCommandMethodAndRefusesOthers() {
        String auth = "Bearer " + RunningGateway.cpAssertion(RunningGateway.customer("cust-route-1"));
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            String correlationId = "route-" + method + "-" + UUID.randomUUID();
            HttpResponse<String> response = gateway.send(gateway.request("/api/v1/goals/g1")
                    .header("Authorization", auth).header("X-Correlation-ID", correlationId)
                    .method(method, HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).as(method).isEqualTo(200);
            assertThat(plant.receivedWith(correlationId).method()).isEqualTo(method);
        }
        String correlationId = "route-trace-" + UUID.randomUUID();
        HttpResponse<String> trace = gateway.send(gateway.request("/api/v1/goals/g1")
                .header("Authorization", auth).header("X-Correlation-ID", correlationId)
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(plant.everReceived(correlationId)).isFalse();
    }

    @Test
    void refusesAnOversizedBodyWithoutForwarding() {
        String correlationId = "route-big-" + UUID.randomUUID();

        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/goals")
                .header("Authorization", "Bearer " + RunningGateway.cpAssertion(RunningGateway.customer("c-big")))
                .header("X-Correlation-ID", correlationId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}")));

        problemOf(response, 413);
        assertThat(plant.everReceived(correlationId)).isFalse();
    }
}
