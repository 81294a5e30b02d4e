package com.myagents.pp.proxy;

import com.myagents.http.door.ProxiedPath;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The operators' single door: whatever {@code /api/pp/...} path no pp-backend controller serves goes
 * to the gateway's {@code /api/v1/...} as the verified operator, after a role check, and every call
 * (refused ones too) lands in the audit trail before anything reaches Plant. Spring MVC prefers every
 * more specific mapping over this {@code /**} one, so pp-backend's own endpoints always win.
 */
@RestController
public record GatewayProxyController(GatewayDoor door, ProxiedPath paths) {

    @RequestMapping("/api/pp/**")
    public ResponseEntity<byte[]> forward(HttpServletRequest request) {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        return door.forward(request, paths.gatewayPath(request.getMethod(), rawPath));
    }
}
