package com.myagents.cp.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.http.problem.ApiProblem;

class ProxiedPathTest {

    @Test
    void mapsTheRestOfTheDoorPathOntoThePlantApi() {
        assertThat(ProxiedPath.gatewayPath("/api/cp/hired-agents/h%201/goals"))
                .isEqualTo("/api/v1/hired-agents/h%201/goals");
        assertThat(ProxiedPath.gatewayPath("/api/cp//agent-types")).isEqualTo("/api/v1/agent-types");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/../admin", "/api/cp/a/%2e%2e/%2E%2E/admin", "/api/cp/./x",
            "/api/cp/a%2Fb", "/api/cp/a%5cb", "/api/cp/a;jsessionid=1"})
    void refusesPathsThatCouldClimbOutOfThePlantApi(String path) {
        assertThatThrownBy(() -> ProxiedPath.gatewayPath(path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/", "/api/cp/auth/logout", "/api/cp/auth", "/api/v1/x"})
    void neverForwardsItsOwnOrForeignPaths(String path) {
        assertThatThrownBy(() -> ProxiedPath.gatewayPath(path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
    }
}
