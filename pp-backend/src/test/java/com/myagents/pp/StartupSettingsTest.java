package com.myagents.pp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import com.myagents.pp.auth.AuthConfiguration;
import com.myagents.pp.auth.OperatorTokens;
import com.myagents.pp.auth.TokenProperties;
import com.myagents.pp.operators.Operator;
import com.myagents.pp.operators.DemoOperators;

class StartupSettingsTest {

    @Test
    void signsTokensWithAKeyOfItsOwnWhenNoneIsConfigured() {
        OperatorTokens tokens = new AuthConfiguration().operatorTokens(new TokenProperties(null, Duration.ofHours(8)));
        Operator operator = new Operator(UUID.randomUUID(), "a@myagents.local", "x", "A", Set.of("admin"));

        assertThat(tokens.verify(tokens.issue(operator)).id()).isEqualTo(operator.operatorId().toString());
    }

    @Test
    void seedsDemoOperatorsOnlyWhenAskedTo() {
        assertThat(locationsWith(new DemoOperators(false))).doesNotContain("classpath:db/pp-demo");
        assertThat(locationsWith(new DemoOperators(true))).contains("classpath:db/pp", "classpath:db/pp-demo");
    }

    private static Set<String> locationsWith(DemoOperators customizer) {
        FluentConfiguration configuration = Flyway.configure().locations("classpath:db/pp");
        customizer.customize(configuration);
        return Set.copyOf(Arrays.stream(configuration.getLocations()).map(Object::toString).toList());
    }
}
