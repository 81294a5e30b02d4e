package com.myagents.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Keys;

class GatewayConfigurationTest {

    private final GatewayConfiguration configuration = new GatewayConfiguration();

    @Test
    void refusesToStartWithoutAPlantIdentityKeyNamingTheProperty() {
        assertThatThrownBy(() -> configuration.plantIdentityTokens(properties(null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("myagents.gateway.plant-identity-key");
    }

    @Test
    void signsPlantIdentitiesAsTheGateway() {
        assertThat(configuration.plantIdentityTokens(properties(Keys.generate())).issuer()).isEqualTo("gateway");
    }

    @Test
    void refusesToStartWithAnUpstreamTimeoutThatEndsBeforeIngestApisDecisionWaitNamingBothSettings() {
        GatewayProperties properties = properties(Keys.generate());

        assertThatThrownBy(() -> configuration.plantTimings(properties, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("myagents.gateway.upstream-timeout (PT10S")
                .hasMessageContaining("MYAGENTS_EXECUTE_DECISION_WAIT")
                .hasMessageContaining("504");
        assertThatThrownBy(() -> configuration.plantTimings(properties, Duration.ofMillis(9_500)))
                .as("ingest-api needs a second after its wait to answer").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forwardsWithTheUpstreamTimeoutWhenTheDecisionWaitEndsInTime() {
        GatewayProperties properties = properties(Keys.generate());

        assertThat(configuration.plantTimings(properties, Duration.ofSeconds(5)).upstreamTimeout())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(configuration.plantForwarder(properties, configuration.plantTimings(properties, Duration.ofSeconds(9))))
                .isNotNull();
    }

    private static GatewayProperties properties(String plantKey) {
        return new GatewayProperties(URI.create("http://localhost:8091"), plantKey, Map.of(),
                new GatewayProperties.RateLimit(50, 100), Duration.ofSeconds(10), 1024);
    }
}
