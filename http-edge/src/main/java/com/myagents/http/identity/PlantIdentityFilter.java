package com.myagents.http.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.GateFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Plant's door: every {@code /api/v1/**} request must carry an {@code X-Plant-Identity} token the
 * gateway signed for ingest-api. The verified {@link Principal} becomes a request attribute;
 * anything else is answered 401 before a controller sees it.
 */
public class PlantIdentityFilter extends GateFilter {

    /** Right after the correlation id, so even a rejection carries one. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(PlantIdentityFilter.class);

    private final IdentityTokens verifier;

    public PlantIdentityFilter(IdentityTokens verifier) {
        super(ORDER);
        this.verifier = verifier;
    }

    @Override
    protected boolean guards(HttpServletRequest request) {
        return isPlantApi(pathWithinApplication(request));
    }

    @Override
    protected void admit(HttpServletRequest request) {
        Principal principal;
        try {
            principal = verifier.verify(request.getHeader(Hops.PLANT_IDENTITY_HEADER),
                    Hops.GATEWAY_ISSUER, Hops.PLANT_AUDIENCE);
        } catch (InvalidTokenException e) {
            log.warn("rejected {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            throw ApiProblem.unauthorized("a valid " + Hops.PLANT_IDENTITY_HEADER + " is required");
        }
        request.setAttribute(Principal.ATTRIBUTE, principal);
    }

    /** Plant's API, and its OpenAPI description: both only for callers with the gateway's signed identity. */
    static boolean isPlantApi(String path) {
        String collapsed = path.replaceAll("/{2,}", "/");
        return collapsed.equals("/api/v1") || collapsed.startsWith("/api/v1/") || collapsed.startsWith("/v3/");
    }

    /**
     * The decoded path without {@code ;params}, as the container normalized it: the path Spring MVC
     * matches, so {@code /api;x=1/v1/...} cannot slip past this filter into a handler.
     */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!(servletPath + pathInfo).isEmpty()) {
            return servletPath + pathInfo;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
