package com.myagents.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.gateway.auth.ServiceAssertionFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.GateFilter;
import com.myagents.http.ratelimit.RateDecision;
import com.myagents.http.ratelimit.RateLimiter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Limits each verified principal (a customer, an operator, a service), not each client: one busy
 * customer cannot use up cp-backend's share for everyone else. Runs after authentication, so
 * only verified identities get a bucket. The buckets are shared by every gateway instance where
 * the gateway has a database (see {@link RateLimitConfiguration}).
 */
public class RateLimitFilter extends GateFilter {

    public static final int ORDER = ServiceAssertionFilter.ORDER + 10;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        super(ORDER);
        this.limiter = limiter;
    }

    @Override
    protected boolean guards(HttpServletRequest request) {
        return request.getAttribute(Principal.ATTRIBUTE) instanceof Principal;
    }

    @Override
    protected void admit(HttpServletRequest request) {
        Principal principal = (Principal) request.getAttribute(Principal.ATTRIBUTE);
        String key = principal.kind() + ":" + principal.id();
        if (limiter.acquire(key) instanceof RateDecision.Limited limited) {
            log.info("rate limit reached for {}; retry after {} s", key, limited.retryAfterSeconds());
            throw ApiProblem.tooManyRequests(limited.retryAfterSeconds());
        }
    }
}
