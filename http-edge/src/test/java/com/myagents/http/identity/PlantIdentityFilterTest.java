package com.myagents.http.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PlantIdentityFilterTest {

    private static final byte[] KEY = Keys.decode(Keys.generate());
    private static final Principal CUSTOMER = new Principal("cust-1", Principal.Kind.CUSTOMER, "a@b.c", Set.of());

    private final IdentityTokens gateway = new IdentityTokens(Hops.GATEWAY_ISSUER, KEY);
    private final PlantIdentityFilter filter = new PlantIdentityFilter(gateway);

    @Test
    void letsAGatewaySignedIdentityThroughAndSetsThePrincipal() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/deliverables/d1/execute");
        request.addHeader(Hops.PLANT_IDENTITY_HEADER, gateway.sign(CUSTOMER, Hops.PLANT_AUDIENCE, Duration.ofSeconds(60)));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(Principal.from(request)).isEqualTo(CUSTOMER);
    }

    @Test
    void answers401ProblemWithoutIdentity() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/agent-types");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":401").contains("correlation_id");
    }

    @Test
    void answers401ForAnIdentityMeantForAnotherAudience() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "//api//v1/agent-types");
        request.addHeader(Hops.PLANT_IDENTITY_HEADER, gateway.sign(CUSTOMER, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void leavesHealthAndOtherPathsAlone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(request.getAttribute(Principal.ATTRIBUTE)).isNull();
    }

    @Test
    void judgesPathsWithinTheApplicationContext() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/plant/api/v1/x");
        request.setContextPath("/plant");

        assertThat(PlantIdentityFilter.pathWithinApplication(request)).isEqualTo("/api/v1/x");
        MockHttpServletRequest withParams = new MockHttpServletRequest("GET", "/api;x=1/v1/x");
        withParams.setServletPath("/api/v1/x");
        assertThat(PlantIdentityFilter.pathWithinApplication(withParams)).isEqualTo("/api/v1/x");
        assertThat(PlantIdentityFilter.isPlantApi("/api/v1")).isTrue();
        assertThat(PlantIdentityFilter.isPlantApi("/api/v10/x")).isFalse();
        assertThat(PlantIdentityFilter.isPlantApi("/v3/api-docs")).isTrue();
        assertThat(filter.getOrder()).isGreaterThan(Integer.MIN_VALUE);
    }
}
