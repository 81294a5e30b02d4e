package com.myagents.http.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.identity.Principal;

class DoorAuthConfigurationTest {

    private static final Door CP = new Door("cp", Principal.Kind.CUSTOMER, "cp-backend", Set.of("auth"), List.of());
    private static final Door PP = new Door("pp", Principal.Kind.OPERATOR, "pp-backend", Set.of("auth"), List.of());
    private static final Principal CUSTOMER = new Principal("c-1", Principal.Kind.CUSTOMER, "a@myagents.local", Set.of(), "A");

    @Test
    void signsTokensWithAKeyOfItsOwnWhenNoneIsConfigured() {
        DoorTokens tokens = new DoorAuthConfiguration().doorTokens(CP, new DoorTokenProperties(null, Duration.ofHours(8)));

        assertThat(tokens.verify(tokens.issue(CUSTOMER))).isEqualTo(CUSTOMER);
        assertThat(tokens.ttl()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aDoorsTokenIsForThatDoorAndItsPeopleOnly() {
        byte[] key = new byte[32];
        DoorTokens cp = new DoorTokens(CP, key, Duration.ofMinutes(5));
        DoorTokens pp = new DoorTokens(PP, key, Duration.ofMinutes(5));

        assertThatThrownBy(() -> pp.verify(cp.issue(CUSTOMER))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> pp.issue(CUSTOMER)).hasMessageContaining("OPERATOR only");
    }

    @Test
    void aTokenLifetimeOfNothingStopsTheStart() {
        assertThatThrownBy(() -> new DoorTokenProperties(null, Duration.ZERO)).hasMessageContaining("ttl");
    }

    @Test
    void seedsADoorsDemoAccountsOnlyWhenAskedTo() {
        assertThat(locationsWith(new DoorDemoData(CP, false))).containsExactly("classpath:db/cp");
        assertThat(locationsWith(new DoorDemoData(CP, true))).containsExactlyInAnyOrder("classpath:db/cp", "classpath:db/cp-demo");
        assertThat(locationsWith(new DoorDemoData(PP, true))).contains("classpath:db/pp-demo");
    }

    private static Set<String> locationsWith(DoorDemoData customizer) {
        FluentConfiguration configuration = Flyway.configure().locations("classpath:db/cp");
        customizer.customize(configuration);
        return Set.copyOf(Arrays.stream(configuration.getLocations()).map(Object::toString).toList());
    }
}
