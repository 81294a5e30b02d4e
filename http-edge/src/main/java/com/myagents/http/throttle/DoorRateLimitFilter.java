package com.myagents.http.throttle;

import com.myagents.http.identity.BearerAuthenticationFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.GateFilter;
import com.myagents.http.ratelimit.RateDecision;
import com.myagents.http.ratelimit.TokenBucketLimiter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A door's own endpoints (login, the vault, summaries, reviews) are rate-limited like the calls it
 * proxies to the gateway: per verified principal once the bearer token is checked, per client address
 * where there is none (the login). Calls without a valid token never get this far (the bearer filter
 * answers 401 first). Only paths under the door's API prefix count.
 */
public class DoorRateLimitFilter extends GateFilter {

    public static final int ORDER = BearerAuthenticationFilter.ORDER + 5;

    private final String apiPrefix;
    private final TokenBucketLimiter limiter;

    public DoorRateLimitFilter(String apiPrefix, TokenBucketLimiter limiter) {
        super(ORDER);
        this.apiPrefix = apiPrefix.endsWith("/") ? apiPrefix : apiPrefix + "/";
        this.limiter = limiter;
    }

    @Override
    protected boolean guards(HttpServletRequest request) {
        return request.getRequestURI().startsWith(apiPrefix);
    }

    @Override
    protected void admit(HttpServletRequest request) {
        String key = request.getAttribute(Principal.ATTRIBUTE) instanceof Principal principal
                ? principal.kind() + ":" + principal.id() : "address:" + request.getRemoteAddr();
        if (limiter.acquire(key) instanceof RateDecision.Limited limited) {
            throw ApiProblem.tooManyRequests(limited.retryAfterSeconds());
        }
    }
}
