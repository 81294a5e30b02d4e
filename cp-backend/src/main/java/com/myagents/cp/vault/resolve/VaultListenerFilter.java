package com.myagents.cp.vault.resolve;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.ProblemResponse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the two listeners apart: {@code /internal/**} on CP's public port is 404 (as if it did not
 * exist, and nothing is written), and on the vault's port only the resolve endpoint and health answer.
 * Runs right after the correlation id, before anything reads a body.
 */
class VaultListenerFilter extends OncePerRequestFilter implements Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
    static final String INTERNAL_PREFIX = "/internal/";

    private final VaultListener listener;

    VaultListenerFilter(VaultListener listener) {
        this.listener = listener;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean onVaultPort = request.getLocalPort() == listener.port();
        boolean allowed = onVaultPort
                ? path.equals(ResolveController.PATH) || path.equals("/actuator/health")
                        || path.startsWith("/actuator/health/")
                : !path.startsWith(INTERNAL_PREFIX) && !path.equals("/internal");
        if (!allowed) {
            ProblemResponse.write(request, response, ApiProblem.notFound("the resource"));
            return;
        }
        chain.doFilter(request, response);
    }
}
