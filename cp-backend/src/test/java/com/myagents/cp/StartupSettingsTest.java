package com.myagents.cp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import com.myagents.cp.auth.AuthConfiguration;
import com.myagents.cp.auth.CustomerTokens;
import com.myagents.cp.auth.TokenProperties;
import com.myagents.cp.customers.Customer;
import com.myagents.cp.customers.DemoCustomers;
import com.myagents.cp.proxy.GatewayProperties;
import com.myagents.cp.proxy.ProxyConfiguration;

class StartupSettingsTest {

    @Test
    void refusesToStartWithoutAGatewayServiceKey() {
        GatewayProperties noKey = new GatewayProperties(URI.create("http://localhost:8090"), " ", Duration.ofSeconds(5));

        assertThatThrownBy(() -> new ProxyConfiguration().serviceAssertions(noKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("myagents.gateway.service-key");
    }

    @Test
    void refusesAServiceKeyThatIsTooShort() {
        GatewayProperties shortKey = new GatewayProperties(URI.create("http://localhost:8090"), "c2hvcnQ=",
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> new ProxyConfiguration().serviceAssertions(shortKey))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signsTokensWithAKeyOfItsOwnWhenNoneIsConfigured() {
        CustomerTokens tokens = new AuthConfiguration().customerTokens(new TokenProperties(null, Duration.ofHours(8)));
        Customer customer = new Customer(UUID.randomUUID(), "a@myagents.local", "x", "A");

        assertThat(tokens.verify(tokens.issue(customer)).id()).isEqualTo(customer.customerId().toString());
    }

    @Test
    void seedsDemoCustomersOnlyWhenAskedTo() {
        assertThat(locationsWith(new DemoCustomers(false))).doesNotContain("classpath:db/cp-demo");
        assertThat(locationsWith(new DemoCustomers(true))).contains("classpath:db/cp", "classpath:db/cp-demo");
    }

    private static Set<String> locationsWith(DemoCustomers customizer) {
        FluentConfiguration configuration = Flyway.configure().locations("classpath:db/cp");
        customizer.customize(configuration);
        return Set.copyOf(Arrays.stream(configuration.getLocations()).map(Object::toString).toList());
    }
}
