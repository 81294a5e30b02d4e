package com.myagents.http.problem;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filter at a fixed place in the chain that either lets a request on or answers it with a
 * problem itself (no token, a bad one, too many calls): the refusal is rendered like any other
 * problem, and nothing behind the gate sees the request.
 */
public abstract class GateFilter extends OncePerRequestFilter implements Ordered {

    private final int order;

    protected GateFilter(int order) {
        this.order = order;
    }

    /** Whether the request is this gate's to check; any other passes untouched. */
    protected abstract boolean guards(HttpServletRequest request);

    /**
     * Checks the request, and may note what it learnt on it (e.g. the verified principal).
     *
     * @throws ApiProblem the answer instead of letting the request on
     */
    protected abstract void admit(HttpServletRequest request);

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    protected final boolean shouldNotFilter(HttpServletRequest request) {
        return !guards(request);
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            admit(request);
        } catch (ApiProblem refused) {
            ProblemResponse.write(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
    }
}
