package com.myagents.cp.proxy;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The single door: whatever {@code /api/cp/...} path no cp-backend controller serves goes to the
 * gateway's {@code /api/v1/...} as the verified customer. Spring MVC prefers every more specific
 * mapping over this {@code /**} one, so cp-backend's own endpoints always win; {@code ProxiedPath}
 * keeps their other spellings and methods from slipping through here.
 */
@RestController
public class GatewayProxyController {

    private final GatewayDoor door;

    public GatewayProxyController(GatewayDoor door) {
        this.door = door;
    }

    @RequestMapping("/api/cp/**")
    public ResponseEntity<byte[]> forward(HttpServletRequest request) {
        return door.forward(request);
    }
}
