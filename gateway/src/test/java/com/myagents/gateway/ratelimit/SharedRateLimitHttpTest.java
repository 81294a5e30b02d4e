package com.myagents.gateway.ratelimit;

import static com.myagents.gateway.Problems.problemOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.gateway.RecordingPlant;
import com.myagents.gateway.RunningGateway;
import com.myagents.http.identity.Principal;
import com.myagents.http.ratelimit.TokenBucketLimiter;
import com.myagents.testsupport.SharedTestInfra;

/**
 * Two gateway apps given one database, as two instances of a deployment are: a principal's calls
 * split between them get 429 once their one shared budget (3 at once, one every 10 s) is spent.
 */
class SharedRateLimitHttpTest {

    private static RecordingPlant plant;
    private static RunningGateway first;
    private static RunningGateway second;

    @BeforeAll
    static void start() {
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        plant = new RecordingPlant();
        String[] settings = {"spring.datasource.url=" + postgres.jdbcUrl(),
                "spring.datasource.username=" + postgres.username(), "spring.datasource.password=" + postgres.password(),
                "myagents.gateway.rate-limit.requests-per-second=0.1", "myagents.gateway.rate-limit.burst=3"};
        first = new RunningGateway(plant.url(), settings);
        second = new RunningGateway(plant.url(), settings);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        plant.close();
    }

    @Test
    void answers429WithRetryAfterOnceTheBudgetSharedByBothGatewaysIsSpent() {
        Principal busy = RunningGateway.customer("cust-" + UUID.randomUUID());
        assertThat(callAs(first, busy).statusCode()).isEqualTo(200);
        assertThat(callAs(second, busy).statusCode()).isEqualTo(200);
        assertThat(callAs(first, busy).statusCode()).isEqualTo(200);

        HttpResponse<String> limited = callAs(second, busy);

        problemOf(limited, 429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(9L, 10L);
        problemOf(callAs(first, busy), 429);
        assertThat(callAs(second, RunningGateway.customer("cust-" + UUID.randomUUID())).statusCode())
                .as("another principal has its own bucket").isEqualTo(200);
    }

    @Test
    void keepsTheBucketsInTheDatabaseNotInEitherInstance() {
        assertThat(first.context().getBeansOfType(TokenBucketLimiter.class)).isEmpty();
        assertThat(first.context().getBean(SharedTokenBuckets.class)).isNotNull();
    }

    private static HttpResponse<String> callAs(RunningGateway gateway, Principal principal) {
        return gateway.send(gateway.request("/api/v1/agent-types")
                .header("Authorization", "Bearer " + RunningGateway.cpAssertion(principal)));
    }
}
