package com.myagents.cp.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.http.door.ProxiedPath;
import com.myagents.http.problem.ApiProblem;

class ProxiedPathTest {

    static final ProxiedPath PATHS = new ProxiedPath(CpDoor.DOOR);

    @Test
    void mapsTheRestOfTheDoorPathOntoThePlantApi() {
        assertThat(PATHS.gatewayPath("GET", "/api/cp/hired-agents/h%201/goals"))
                .isEqualTo("/api/v1/hired-agents/h%201/goals");
        assertThat(PATHS.gatewayPath("GET", "/api/cp//agent-types")).isEqualTo("/api/v1/agent-types");
    }

    @Test
    void forwardsPathsThatOnlyStartLikeItsOwn() {
        assertThat(PATHS.gatewayPath("GET", "/api/cp/hired-agents/draft-2")).isEqualTo("/api/v1/hired-agents/draft-2");
        assertThat(PATHS.gatewayPath("GET", "/api/cp/hired-agents/h-1/draft")).isEqualTo("/api/v1/hired-agents/h-1/draft");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/a/%zz", "/api/cp/../admin", "/api/cp/a/%2e%2e/%2E%2E/admin", "/api/cp/./x",
            "/api/cp/hired-agents%3bdraft", "/api/cp/hired-agents/dr%2561ft",
            "/api/cp/a%2Fb", "/api/cp/a%5cb", "/api/cp/a;jsessionid=1"})
    void refusesPathsThatCouldClimbOutOfThePlantApi(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("GET", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/", "/api/cp/auth/logout", "/api/cp/auth", "/api/v1/x", "/api/cp//",
            "/api/cp/platform-credentials/x", "/api/cp/Exchange-Setup", "/api/cp/my-agents/summary/",
            "/api/cp/hired-agents/draft", "/api/cp/hired-agents//draft/", "/api/cp/Hired-Agents/dr%61ft"})
    void neverForwardsItsOwnOrForeignPaths(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("GET", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/deliverables/d-1", "/api/cp//Deliverables/d-1/", "/api/cp/deliverables/%64-1"})
    void neverForwardsADraftEditAroundTheControllerThatChecksItsImage(String path) {
        assertThatThrownBy(() -> PATHS.gatewayPath("PUT", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(404));
        assertThat(PATHS.gatewayPath("GET", path)).startsWith("/api/v1/");
        assertThat(PATHS.gatewayPath("PUT", "/api/cp/deliverables/d-1/schedule")).isEqualTo("/api/v1/deliverables/d-1/schedule");
    }
}
