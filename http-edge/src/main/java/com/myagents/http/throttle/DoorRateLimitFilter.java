package com.myagents.http.throttle;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.http.identity.BearerAuthenticationFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.ProblemResponse;
import com.myagents.http.ratelimit.RateDecision;
import com.myagents.http.ratelimit.TokenBucketLimiter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A door's own endpoints (login, the vault, summaries, reviews) are rate-limited like the calls it
 * proxies to the gateway: per verified principal once the bearer token is checked, per client address
 * where there is none (the login). Calls without a valid token never get this far (the bearer filter
 * answers 401 first). Only paths under the door's API prefix count.
 */
public class DoorRateLimitFilter extends OncePerRequestFilter implements Ordered {

    public static final int ORDER = BearerAuthenticationFilter.ORDER + 5;

    private final String apiPrefix;
    private final TokenBucketLimiter limiter;

    public DoorRateLimitFilter(String apiPrefix, TokenBucketLimiter limiter) {
        this.apiPrefix = apiPrefix.endsWith("/") ? apiPrefix : apiPrefix + "/";
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(apiPrefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getAttribute(Principal.ATTRIBUTE) instanceof Principal principal
                ? principal.kind() + ":" + principal.id() : "address:" + request.getRemoteAddr();
        if (limiter.acquire(key) instanceof RateDecision.Limited limited) {
            ProblemResponse.write(request, response, ApiProblem.tooManyRequests(limited.retryAfterSeconds()));
            return;
        }
        chain.doFilter(request, response);
    }
}
