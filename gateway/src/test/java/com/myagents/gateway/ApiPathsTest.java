package com.myagents.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiPathsTest {

    @Test
    void judgesTheNormalizedServletPath() {
        MockHttpServletRequest withParams = new MockHttpServletRequest("GET", "/api;x=1/v1/goals");
        withParams.setServletPath("/api/v1/goals");

        assertThat(ApiPaths.isPlantApi(withParams)).isTrue();
    }

    @Test
    void fallsBackToTheRequestUriWithoutContext() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/edge//api/v1");
        request.setContextPath("/edge");

        assertThat(ApiPaths.of(request)).isEqualTo("/api/v1");
        assertThat(ApiPaths.isPlantApi(request)).isTrue();
        assertThat(ApiPaths.isPlantApi(new MockHttpServletRequest("GET", "/api/v10"))).isFalse();
        assertThat(ApiPaths.isHealth(new MockHttpServletRequest("GET", "/actuator/health/liveness"))).isTrue();
        assertThat(ApiPaths.isHealth(new MockHttpServletRequest("GET", "/actuator/healthz"))).isFalse();
    }
}
