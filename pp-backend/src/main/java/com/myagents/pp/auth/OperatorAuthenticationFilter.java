package com.myagents.pp.auth;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.ProblemResponse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every {@code /api/pp/**} call except login needs a operator bearer token pp-backend issued. The
 * verified operator becomes the request's {@link Principal}; the handlers ask for it again, so a path
 * this filter did not recognise still cannot reach them unauthenticated.
 */
public class OperatorAuthenticationFilter extends OncePerRequestFilter implements Ordered {

    /** After the correlation id (so a rejection carries one), before anything else. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    static final String API = "/api/pp";
    static final String LOGIN = "/api/pp/auth/login";

    private static final Logger log = LoggerFactory.getLogger(OperatorAuthenticationFilter.class);
    private static final String BEARER = "Bearer ";

    private final OperatorTokens tokens;

    public OperatorAuthenticationFilter(OperatorTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length()).replaceAll("/{2,}", "/");
        boolean api = path.equals(API) || path.startsWith(API + "/");
        return !api || path.equals(LOGIN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ProblemResponse.write(request, response, ApiProblem.unauthorized("a bearer token is required"));
            return;
        }
        Principal principal;
        try {
            principal = tokens.verify(header.substring(BEARER.length()));
        } catch (InvalidTokenException e) {
            log.info("rejected {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            ProblemResponse.write(request, response,
                    ApiProblem.unauthorized("the bearer token is not valid; sign in again"));
            return;
        }
        if (principal.kind() != Principal.Kind.OPERATOR) {
            ProblemResponse.write(request, response, ApiProblem.unauthorized("the bearer token is not an operator's"));
            return;
        }
        request.setAttribute(Principal.ATTRIBUTE, principal);
        chain.doFilter(request, response);
    }
}
