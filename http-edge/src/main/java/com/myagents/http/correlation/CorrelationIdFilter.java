package com.myagents.http.correlation;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.http.identity.Hops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Gives every request one correlation id before anything else runs. Inside the system the caller's
 * is kept when it is well-formed (so a trace crosses hops), a fresh one minted otherwise (so a caller
 * cannot inject log lines or giant values). At a door ({@link #atDoor()}) the id is always minted:
 * a browser that chose it could splice its calls into another customer's timeline; what it offered is
 * kept only as {@link #CLIENT_ATTRIBUTE} (the forwarder passes it on for the access record). The id is
 * a request attribute, the SLF4J MDC key {@value #MDC_KEY}, and the {@code X-Correlation-ID} response
 * header.
 */
public class CorrelationIdFilter extends OncePerRequestFilter implements Ordered {

    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";
    public static final String CLIENT_ATTRIBUTE = CorrelationIdFilter.class.getName() + ".client";
    public static final String MDC_KEY = "correlation_id";

    private final boolean mintAlways;

    /** Keeps a well-formed id from the caller: for services behind the doors. */
    public CorrelationIdFilter() {
        this(false);
    }

    private CorrelationIdFilter(boolean mintAlways) {
        this.mintAlways = mintAlways;
    }

    /** Mints every id itself: for the doors, whose callers are browsers. */
    public static CorrelationIdFilter atDoor() {
        return new CorrelationIdFilter(true);
    }

    private static final Pattern WELL_FORMED = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public static boolean wellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    public static String mint() {
        return UUID.randomUUID().toString();
    }

    /** This request's correlation id; minted (once) if no filter has set one yet. */
    public static String current(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = mint();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(Hops.CORRELATION_HEADER);
        String id;
        if (mintAlways) {
            id = mint();
            if (wellFormed(offered)) {
                request.setAttribute(CLIENT_ATTRIBUTE, offered);
            }
        } else {
            id = wellFormed(offered) ? offered : mint();
        }
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(Hops.CORRELATION_HEADER, id);
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, new SingleCorrelationHeader(response));
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    /** Keeps the header single-valued when a handler (e.g. a proxied response) sets it again. */
    private static final class SingleCorrelationHeader extends HttpServletResponseWrapper {

        SingleCorrelationHeader(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (Hops.CORRELATION_HEADER.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
