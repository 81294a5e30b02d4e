package com.myagents.http.door;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts failed logins ({@code myagents_login_failures_total}: 401 from the door's login endpoint)
 * and lockouts ({@code myagents_login_lockouts_total}: 423 or 429 from it), from the answer the
 * caller got, so that the counters stay true whatever the login code does inside.
 */
public class LoginMeters extends OncePerRequestFilter {

    private final String loginPath;
    private final Counter failures;
    private final Counter lockouts;

    public LoginMeters(Door door, ObjectProvider<MeterRegistry> meters) {
        this.loginPath = door.loginPath();
        MeterRegistry registry = meters.getIfAvailable();
        this.failures = registry == null ? null : Counter.builder("myagents.login.failures")
                .description("logins refused for a wrong email or password").register(registry);
        this.lockouts = registry == null ? null : Counter.builder("myagents.login.lockouts")
                .description("logins refused because the account or caller is locked out").register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return failures == null || !"POST".equals(request.getMethod()) || !loginPath.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            failures.increment();
        } else if (status == 423 || status == 429) {
            lockouts.increment();
        }
    }
}
