package com.myagents.http.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;

/** The grammar both doors share; each door's own test pins the paths it serves itself. */
class ProxiedPathTest {

    static final ProxiedPath PATHS = new ProxiedPath(new Door("xp", Principal.Kind.CUSTOMER, Hops.CP_ISSUER,
            Set.of("auth"), List.of("things/[^/]+/publish", "PUT things/[^/]+")));

    @ParameterizedTest
    @CsvSource({"/api/xp/things/a%201, /api/v1/things/a%201", "/api/xp//things, /api/v1/things",
            "/api/xp/things/a/publish-later, /api/v1/things/a/publish-later"})
    void mapsTheRestOfTheDoorPathOntoThePlantApi(String path, String target) {
        assertThat(PATHS.gatewayPath("GET", path)).isEqualTo(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/xp/a/%zz", "/api/xp/../admin", "/api/xp/a/%2e%2e/admin", "/api/xp/./x", "/api/xp/a%2Fb",
            "/api/xp/a%5cb", "/api/xp/a\\b", "/api/xp/a;jsessionid=1", "/api/xp/things%3bx", "/api/xp/things/%2570ublish"})
    void refusesEncodedSeparatorsParametersAndDotSegments(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("GET", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/xp/", "/api/xp//", "/api/v1/x", "/api/xp/auth", "/api/xp/AUTH/login",
            "/api/xp/things/a/publish", "/api/xp//Things/a//PUBLISH/", "/api/xp/things/a/publis%68",
            "/api/xp/things/a/%20publish"})
    void neverForwardsAnySpellingOfWhatTheDoorServesItself(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("GET", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @CsvSource({"PUT, true", "put, true", "GET, false", "POST, false"})
    void aRouteTheDoorServesForOneMethodIsKeptFromTheProxyForThatMethodOnly(String method, boolean own) {
        if (own) {
            assertThatThrownBy(() -> PATHS.gatewayPath(method, "/api/xp//Things/a/"))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
        } else {
            assertThat(PATHS.gatewayPath(method, "/api/xp/things/a")).isEqualTo("/api/v1/things/a");
        }
    }
}
