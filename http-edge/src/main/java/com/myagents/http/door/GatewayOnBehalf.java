package com.myagents.http.door;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.myagents.http.forwarding.Forwarder;
import com.myagents.http.identity.Principal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A door's calls to the gateway on behalf of a person it has verified: each one carries a fresh
 * service assertion for that person in place of whatever the browser sent as authorization.
 */
public record GatewayOnBehalf(Forwarder gateway, ServiceAssertions assertions) {

    /** @param extraHeaders further headers this door adds (e.g. {@code Accept}) */
    public ResponseEntity<byte[]> forward(HttpServletRequest request, String gatewayPath, Principal person,
                                          Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(HttpHeaders.AUTHORIZATION, assertions.bearerFor(person));
        return gateway.forward(request, gatewayPath, headers);
    }

    /** Like {@link #forward}, with the answer's body passed on as it arrives (downloads). */
    public ResponseEntity<StreamingResponseBody> forwardStreaming(HttpServletRequest request, String gatewayPath,
                                                                  Principal person) {
        return gateway.forwardStreaming(request, gatewayPath,
                Map.of(HttpHeaders.AUTHORIZATION, assertions.bearerFor(person)));
    }
}
