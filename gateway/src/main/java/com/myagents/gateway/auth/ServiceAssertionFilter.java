package com.myagents.gateway.auth;

import java.io.IOException;
import java.util.Collections;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.gateway.ApiPaths;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.ProblemResponse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every {@code /api/v1/**} call must prove it comes from a known service client; otherwise it is
 * answered here (401/403) and nothing is forwarded.
 */
public class ServiceAssertionFilter extends OncePerRequestFilter implements Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final ServiceClients clients;

    public ServiceAssertionFilter(ServiceClients clients) {
        this.clients = clients;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isPlantApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServiceCall call;
        try {
            call = clients.authenticate(Collections.list(request.getHeaders("Authorization")));
        } catch (ApiProblem problem) {
            ProblemResponse.write(request, response, problem);
            return;
        }
        request.setAttribute(ServiceCall.ATTRIBUTE, call);
        request.setAttribute(Principal.ATTRIBUTE, call.principal());
        chain.doFilter(request, response);
    }
}
