package com.myagents.gateway.access;

import java.io.IOException;
import java.time.Clock;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.gateway.ApiPaths;
import com.myagents.gateway.auth.ServiceCall;
import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Hops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Wraps everything after the correlation id, so refusals by authentication and rate limiting are
 * recorded too. Health probes are not recorded: they would drown the calls that matter.
 */
public class AccessLogFilter extends OncePerRequestFilter implements Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    private final AccessJournal journal;
    private final Clock clock;

    public AccessLogFilter(AccessJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ApiPaths.isHealth(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            ServiceCall call = request.getAttribute(ServiceCall.ATTRIBUTE) instanceof ServiceCall verified ? verified : null;
            journal.record(new AccessRecord(
                    clock.instant(),
                    CorrelationIdFilter.current(request),
                    call == null ? null : call.client(),
                    call == null ? null : call.principal().id(),
                    call == null ? null : call.principal().kind().name(),
                    request.getMethod(),
                    request.getRequestURI(),
                    failed ? 500 : response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000,
                    clientCorrelationId(request)));
        }
    }

    /** The id a door says its browser offered; only a well-formed one is kept, and only for reference. */
    private static String clientCorrelationId(HttpServletRequest request) {
        String offered = request.getHeader(Hops.CLIENT_CORRELATION_HEADER);
        return CorrelationIdFilter.wellFormed(offered) ? offered : null;
    }
}
