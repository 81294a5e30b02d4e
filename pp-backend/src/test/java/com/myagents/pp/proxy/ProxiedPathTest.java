package com.myagents.pp.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.http.door.ProxiedPath;
import com.myagents.http.problem.ApiProblem;

class ProxiedPathTest {

    static final ProxiedPath PATHS = new ProxiedPath(PpDoor.DOOR);

    @Test
    void mapsTheRestOfTheDoorPathOntoThePlantApi() {
        assertThat(PATHS.gatewayPath("GET", "/api/pp/hired-agents/h%201/goals"))
                .isEqualTo("/api/v1/hired-agents/h%201/goals");
        assertThat(PATHS.gatewayPath("GET", "/api/pp//agent-types")).isEqualTo("/api/v1/agent-types");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pp/../admin", "/api/pp/a/%2e%2e/%2E%2E/admin", "/api/pp/./x",
            "/api/pp/a%2Fb", "/api/pp/a%5cb", "/api/pp/a;jsessionid=1"})
    void refusesPathsThatCouldClimbOutOfThePlantApi(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("GET", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pp/", "/api/pp/auth/logout", "/api/pp/auth", "/api/pp//Operators", "/api/v1/x"})
    void neverForwardsItsOwnOrForeignPaths(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("GET", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pp/agent-types/t.x/versions/1.1.0/publish", "/api/pp/agent-types//t.x/versions/1.1.0/publish",
            "/api/pp//agent-types/t.x//versions/1.1.0//publish/", "/api/pp/agent-types/t.x/versions/1.1.0/PUBLISH",
            "/api/pp/Agent-Types/t.x/versions/1.1.0/Publish", "/api/pp/agent-types/t.x/versions/1.1.0/publis%68",
            "/api/pp/agent-types/t.x/versions/1.1.0/validate", "/api/pp/%61gent-types/t.x/versions/1.1.0/publish",
            "/api/pp/ops/denials", "/api/pp/OPS//decisions/", "/api/pp/AUTH/login"})
    void neverForwardsAnySpellingOfARoutePpBackendServesItself(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("GET", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pp/agent-types/t.x/versions/1.1.0%2Fpublish", "/api/pp/agent-types/t.x/versions/1.1.0/publish;x=1",
            "/api/pp/agent-types/t.x/versions/1.1.0/x/../publish", "/api/pp/agent-types/t.x/versions/1.1.0/%2570ublish"})
    void refusesEncodedSeparatorsParametersAndDotSegmentsAroundThem(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("GET", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }
}
