package com.myagents.http.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;

class GatewayForwardingTest {

    static final Door DOOR = new Door("cp", Principal.Kind.CUSTOMER, Hops.CP_ISSUER, Set.of(), List.of());

    @Test
    void refusesToStartWithoutAGatewayServiceKey() {
        GatewayProperties noKey = new GatewayProperties(URI.create("http://localhost:8090"), " ", Duration.ofSeconds(5));

        assertThatThrownBy(() -> new GatewayForwarding().serviceAssertions(noKey, DOOR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("myagents.gateway.service-key");
    }

    @Test
    void refusesAServiceKeyThatIsTooShort() {
        GatewayProperties shortKey = new GatewayProperties(URI.create("http://localhost:8090"), "c2hvcnQ=",
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> new GatewayForwarding().serviceAssertions(shortKey, DOOR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vouchesForThePersonAsTheDoorTowardsTheGatewayOnly() {
        String key = Keys.generate();
        ServiceAssertions assertions = new GatewayForwarding().serviceAssertions(
                new GatewayProperties(URI.create("http://localhost:8090"), key, Duration.ofSeconds(5)), DOOR);
        Principal customer = new Principal("c-1", Principal.Kind.CUSTOMER, "c@example.test", Set.of());

        String bearer = assertions.bearerFor(customer);

        assertThat(bearer).startsWith("Bearer ");
        Principal verified = new IdentityTokens(Hops.GATEWAY_ISSUER, Keys.decode(key))
                .verify(bearer.substring("Bearer ".length()), Hops.CP_ISSUER, Hops.GATEWAY_AUDIENCE);
        assertThat(verified.id()).isEqualTo("c-1");
        assertThat(new GatewayForwarding().gatewayForwarder(
                new GatewayProperties(URI.create("http://localhost:8090"), key, Duration.ofSeconds(5)))).isNotNull();
    }
}
