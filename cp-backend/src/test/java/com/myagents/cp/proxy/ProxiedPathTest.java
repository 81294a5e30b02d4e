package com.myagents.cp.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.myagents.http.door.ProxiedPath;
import com.myagents.testsupport.ProxiedPathContract;

class ProxiedPathTest extends ProxiedPathContract {

    static final ProxiedPath PATHS = new ProxiedPath(CpDoor.DOOR);

    ProxiedPathTest() {
        super(PATHS, "cp");
    }

    @Test
    void forwardsPathsThatOnlyStartLikeItsOwn() {
        assertThat(PATHS.gatewayPath("GET", "/api/cp/hired-agents/draft-2")).isEqualTo("/api/v1/hired-agents/draft-2");
        assertThat(PATHS.gatewayPath("GET", "/api/cp/hired-agents/h-1/draft")).isEqualTo("/api/v1/hired-agents/h-1/draft");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/hired-agents%3bdraft", "/api/cp/hired-agents/dr%2561ft"})
    void refusesEncodedSpellingsAroundItsOwnRoutes(String path) {
        assertRefused("GET", path, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/platform-credentials/x", "/api/cp/Exchange-Setup", "/api/cp/my-agents/summary/",
            "/api/cp/hired-agents/draft", "/api/cp/hired-agents//draft/", "/api/cp/Hired-Agents/dr%61ft"})
    void neverForwardsAnySpellingOfARouteCpBackendServesItself(String path) {
        assertRefused("GET", path, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/cp/deliverables/d-1", "/api/cp//Deliverables/d-1/", "/api/cp/deliverables/%64-1"})
    void neverForwardsADraftEditAroundTheControllerThatChecksItsImage(String path) {
        assertRefused("PUT", path, 404);
        assertThat(PATHS.gatewayPath("GET", path)).startsWith("/api/v1/");
        assertThat(PATHS.gatewayPath("PUT", "/api/cp/deliverables/d-1/schedule")).isEqualTo("/api/v1/deliverables/d-1/schedule");
    }
}
