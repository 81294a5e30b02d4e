package com.myagents.cp.vault.resolve;

import org.springframework.core.Ordered;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.GateFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Keeps the two listeners apart: {@code /internal/**} on CP's public port is 404 (as if it did not
 * exist, and nothing is written), and on the vault's port only the resolve endpoint and health answer.
 * Runs right after the correlation id, before anything reads a body.
 */
class VaultListenerFilter extends GateFilter {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
    static final String INTERNAL_PREFIX = "/internal/";

    private final VaultListener listener;

    VaultListenerFilter(VaultListener listener) {
        super(ORDER);
        this.listener = listener;
    }

    /** Every request: which port it came in on decides what it may reach. */
    @Override
    protected boolean guards(HttpServletRequest request) {
        return true;
    }

    @Override
    protected void admit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean onVaultPort = request.getLocalPort() == listener.port();
        boolean allowed = onVaultPort
                ? path.equals(ResolveController.PATH) || path.equals("/actuator/health")
                        || path.startsWith("/actuator/health/")
                : !path.startsWith(INTERNAL_PREFIX) && !path.equals("/internal");
        if (!allowed) {
            throw ApiProblem.notFound("the resource");
        }
    }
}
