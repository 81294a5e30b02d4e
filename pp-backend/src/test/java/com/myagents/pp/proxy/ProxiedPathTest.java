package com.myagents.pp.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.http.problem.ApiProblem;

class ProxiedPathTest {

    @Test
    void mapsTheRestOfTheDoorPathOntoThePlantApi() {
        assertThat(ProxiedPath.gatewayPath("/api/pp/hired-agents/h%201/goals"))
                .isEqualTo("/api/v1/hired-agents/h%201/goals");
        assertThat(ProxiedPath.gatewayPath("/api/pp//agent-types")).isEqualTo("/api/v1/agent-types");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pp/../admin", "/api/pp/a/%2e%2e/%2E%2E/admin", "/api/pp/./x",
            "/api/pp/a%2Fb", "/api/pp/a%5cb", "/api/pp/a;jsessionid=1"})
    void refusesPathsThatCouldClimbOutOfThePlantApi(String path) {
        assertThatThrownBy(() -> ProxiedPath.gatewayPath(path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/pp/", "/api/pp/auth/logout", "/api/pp/auth", "/api/v1/x"})
    void neverForwardsItsOwnOrForeignPaths(String path) {
        assertThatThrownBy(() -> ProxiedPath.gatewayPath(path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
    }
}
