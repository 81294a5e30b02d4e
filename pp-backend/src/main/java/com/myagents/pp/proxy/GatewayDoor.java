package com.myagents.pp.proxy;

import com.myagents.http.door.GatewayOnBehalf;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.myagents.pp.audit.AuditedAction;

import jakarta.servlet.http.HttpServletRequest;

/**
 * pp-backend's way into Plant for a browser call: the role check for the method and target path,
 * the audit entry, then the gateway with a service assertion for the verified operator. Only
 * forwardable headers and this request's correlation id go along.
 */
@Component
public record GatewayDoor(GatewayOnBehalf gateway, AuditedAction audited) {

    static final String ACTION_PREFIX = "gateway:";
    /** The audit action of an export: who downloaded which records, with which filters. */
    public static final String EXPORT_ACTION = "audit:export";

    /**
     * A download (an audit export) to {@code gatewayPath}: checked and audited like any call, the
     * operator's filters and format kept in the audit entry, the body streamed through as it comes.
     */
    public ResponseEntity<StreamingResponseBody> download(HttpServletRequest request, String gatewayPath) {
        String target = request.getQueryString() == null ? gatewayPath : gatewayPath + "?" + request.getQueryString();
        return audited.run(request, EXPORT_ACTION, target,
                operator -> ProxyAccess.check(operator, request.getMethod(), gatewayPath),
                (operator, detail) -> {
                    detail.put("format", request.getParameter("format") == null ? "csv" : request.getParameter("format"));
                    return gateway.forwardStreaming(request, gatewayPath, operator);
                });
    }

    /** The request, with its method, query and body, to {@code gatewayPath}. */
    public ResponseEntity<byte[]> forward(HttpServletRequest request, String gatewayPath) {
        String method = request.getMethod();
        String target = request.getQueryString() == null ? gatewayPath : gatewayPath + "?" + request.getQueryString();
        return audited.run(request, ACTION_PREFIX + method, target,
                operator -> ProxyAccess.check(operator, method, gatewayPath),
                (operator, detail) -> gateway.forward(request, gatewayPath, operator, Map.of()));
    }
}
