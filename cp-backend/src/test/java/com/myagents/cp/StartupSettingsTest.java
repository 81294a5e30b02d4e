package com.myagents.cp;

import static org.assertj.core.api.Assertions.assertThat;

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

class StartupSettingsTest {

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
