package com.myagents.gateway.ratelimit;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.gateway.auth.ServiceAssertionFilter;
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
 * Limits each verified principal (a customer, an operator, a service), not each client: one busy
 * customer cannot use up cp-backend's share for everyone else. Runs after authentication, so
 * only verified identities get a bucket.
 */
public class RateLimitFilter extends OncePerRequestFilter implements Ordered {

    public static final int ORDER = ServiceAssertionFilter.ORDER + 10;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final TokenBucketLimiter limiter;

    public RateLimitFilter(TokenBucketLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getAttribute(Principal.ATTRIBUTE) instanceof Principal);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal principal = (Principal) request.getAttribute(Principal.ATTRIBUTE);
        String key = principal.kind() + ":" + principal.id();
        if (limiter.acquire(key) instanceof RateDecision.Limited limited) {
            log.info("rate limit reached for {}; retry after {} s", key, limited.retryAfterSeconds());
            ProblemResponse.write(request, response, ApiProblem.tooManyRequests(limited.retryAfterSeconds()));
            return;
        }
        chain.doFilter(request, response);
    }
}
