package com.myagents.gateway;

import static com.myagents.gateway.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Principal;

/** A gateway whose plant is down, with a tight rate limit: 2 at once, one every 10 s. */
class GatewayWithoutPlantHttpTest {

    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = new RunningGateway(URI.create("http://127.0.0.1:" + closedPort),
                "myagents.gateway.rate-limit.requests-per-second=0.1", "myagents.gateway.rate-limit.burst=2");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void answers502ProblemWhenThePlantIsUnreachable() {
        HttpResponse<String> response = callAs(RunningGateway.customer("cust-down-1"));

        assertThat(problemOf(response, 502).get("type").asString()).endsWith("/bad-gateway");
    }

    @Test
    void answers429WithRetryAfterOnceAPrincipalsBurstIsSpent() {
        Principal busy = RunningGateway.customer("cust-busy");
        callAs(busy);
        callAs(busy);

        HttpResponse<String> limited = callAs(busy);

        problemOf(limited, 429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(callAs(RunningGateway.customer("cust-calm")).statusCode())
                .as("another principal has its own bucket").isEqualTo(502);
    }

    private static HttpResponse<String> callAs(Principal principal) {
        return gateway.send(gateway.request("/api/v1/agent-types")
                .header("Authorization", "Bearer " + RunningGateway.cpAssertion(principal)));
    }
}
