package com.myagents.http.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.myagents.http.identity.Principal;
import com.myagents.http.ratelimit.TokenBucketLimiter;

class DoorRateLimitFilterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final DoorRateLimitFilter filter = new DoorRateLimitFilter("/api/cp",
            new TokenBucketLimiter(1, 2, nanos::get));

    @Test
    void limitsTheDoorsOwnEndpointsPerPrincipalWith429AndRetryAfter() throws Exception {
        Principal alice = new Principal("alice", Principal.Kind.CUSTOMER, null, Set.of());

        assertThat(call("/api/cp/my-agents/summary", alice, "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call("/api/cp/platform-credentials", alice, "10.0.0.2").getStatus()).isEqualTo(200);
        MockHttpServletResponse limited = call("/api/cp/exchange-setup", alice, "10.0.0.3");

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(limited.getContentType()).isEqualTo("application/problem+json");
        Principal bob = new Principal("bob", Principal.Kind.CUSTOMER, null, Set.of());
        assertThat(call("/api/cp/my-agents/summary", bob, "10.0.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void limitsCallsWithoutAPrincipalPerAddressAndLeavesOtherPathsAlone() throws Exception {
        call("/api/cp/auth/login", null, "10.0.0.9");
        call("/api/cp/auth/login", null, "10.0.0.9");

        assertThat(call("/api/cp/auth/login", null, "10.0.0.9").getStatus()).isEqualTo(429);
        assertThat(call("/api/cp/auth/login", null, "10.0.0.8").getStatus()).isEqualTo(200);
        assertThat(call("/assets/app.js", null, "10.0.0.9").getStatus()).isEqualTo(200);
        nanos.addAndGet(1_000_000_000L);
        assertThat(call("/api/cp/auth/login", null, "10.0.0.9").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse call(String path, Principal principal, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        if (principal != null) {
            request.setAttribute(Principal.ATTRIBUTE, principal);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> { });
        return response;
    }
}
