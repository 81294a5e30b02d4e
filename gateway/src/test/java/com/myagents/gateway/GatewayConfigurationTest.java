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

    private static GatewayProperties properties(String plantKey) {
        return new GatewayProperties(URI.create("http://localhost:8091"), plantKey, Map.of(),
                new GatewayProperties.RateLimit(50, 100), Duration.ofSeconds(10), 1024);
    }
}
