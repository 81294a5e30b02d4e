package com.myagents.http.identity;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.GateFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A single door's browser authentication: every call under {@code apiPrefix} except the login needs
 * a bearer token this door issued, for a principal of the door's kind (customers at CP, operators
 * at PP). The verified principal becomes the request's {@link Principal}; handlers ask for it
 * again, so a path this filter did not recognise still cannot reach them unauthenticated.
 */
public class BearerAuthenticationFilter extends GateFilter {

    /** After the correlation id (so a rejection carries one), before anything else. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(BearerAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final String api;
    private final String login;
    private final Function<String, Principal> verifier;
    private final Principal.Kind kind;

    /** {@code verifier} throws {@link InvalidTokenException} for any token it did not issue. */
    public BearerAuthenticationFilter(String apiPrefix, String loginPath, Function<String, Principal> verifier,
                                      Principal.Kind kind) {
        super(ORDER);
        this.api = apiPrefix;
        this.login = loginPath;
        this.verifier = verifier;
        this.kind = kind;
    }

    @Override
    protected boolean guards(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length()).replaceAll("/{2,}", "/");
        boolean underApi = path.equals(api) || path.startsWith(api + "/");
        return underApi && !path.equals(login);
    }

    @Override
    protected void admit(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiProblem.unauthorized("a bearer token is required");
        }
        Principal principal;
        try {
            principal = verifier.apply(header.substring(BEARER.length()));
        } catch (InvalidTokenException e) {
            log.info("rejected {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            throw ApiProblem.unauthorized("the bearer token is not valid; sign in again");
        }
        if (principal.kind() != kind) {
            throw ApiProblem.unauthorized("the bearer token is not a " + kind.name().toLowerCase() + "'s");
        }
        request.setAttribute(Principal.ATTRIBUTE, principal);
    }
}
