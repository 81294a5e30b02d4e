package com.myagents.gateway.auth;

import java.util.Collections;

import org.springframework.core.Ordered;

import com.myagents.gateway.ApiPaths;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.GateFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every {@code /api/v1/**} call must prove it comes from a known service client; otherwise it is
 * answered here (401/403) and nothing is forwarded.
 */
public class ServiceAssertionFilter extends GateFilter {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final ServiceClients clients;

    public ServiceAssertionFilter(ServiceClients clients) {
        super(ORDER);
        this.clients = clients;
    }

    @Override
    protected boolean guards(HttpServletRequest request) {
        return ApiPaths.isPlantApi(request);
    }

    @Override
    protected void admit(HttpServletRequest request) {
        ServiceCall call = clients.authenticate(Collections.list(request.getHeaders("Authorization")));
        request.setAttribute(ServiceCall.ATTRIBUTE, call);
        request.setAttribute(Principal.ATTRIBUTE, call.principal());
    }
}
