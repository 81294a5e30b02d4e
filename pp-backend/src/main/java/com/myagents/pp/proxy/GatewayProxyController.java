package com.myagents.pp.proxy;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.forwarding.Forwarder;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.pp.audit.OperatorAudit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The operators' single door: whatever {@code /api/pp/...} path no pp-backend controller serves goes
 * to the gateway's {@code /api/v1/...} as the verified operator, after a role check, and every call
 * (refused ones too) lands in the audit trail before anything reaches Plant. Spring MVC prefers every
 * more specific mapping over this {@code /**} one, so pp-backend's own endpoints always win.
 */
@RestController
public class GatewayProxyController {

    static final String ACTION_PREFIX = "gateway:";

    private final Forwarder gateway;
    private final ServiceAssertions assertions;
    private final OperatorAudit audit;

    public GatewayProxyController(Forwarder gatewayForwarder, ServiceAssertions assertions, OperatorAudit audit) {
        this.gateway = gatewayForwarder;
        this.assertions = assertions;
        this.audit = audit;
    }

    @RequestMapping("/api/pp/**")
    public ResponseEntity<byte[]> forward(HttpServletRequest request) {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        String target = ProxiedPath.gatewayPath(rawPath);
        Principal operator = Principal.from(request);
        UUID operatorId = UUID.fromString(operator.id());
        String action = ACTION_PREFIX + request.getMethod();
        String audited = request.getQueryString() == null ? target : target + "?" + request.getQueryString();
        String correlationId = CorrelationIdFilter.current(request);
        try {
            ProxyAccess.check(operator, request.getMethod());
        } catch (ApiProblem refused) {
            audit.recordFinished(operatorId, action, audited, correlationId, refused.status());
            throw refused;
        }
        long entry = audit.record(operatorId, action, audited, correlationId);
        int status = 500;
        try {
            ResponseEntity<byte[]> response = gateway.forward(request, target,
                    Map.of(HttpHeaders.AUTHORIZATION, assertions.bearerFor(operator)));
            status = response.getStatusCode().value();
            return response;
        } catch (ApiProblem failed) {
            status = failed.status();
            throw failed;
        } finally {
            audit.complete(entry, status);
        }
    }
}
