package com.myagents.gateway.proxy;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.myagents.http.forwarding.Forwarder;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Forwards every authenticated {@code /api/v1/**} call to ingest-api, unchanged in method, path,
 * query and body, with the verified principal re-signed for ingest-api as {@code X-Plant-Identity}.
 */
@RestController
public class PlantProxyController {

    /** Short: the identity is for this one hop, not a session. */
    public static final Duration PLANT_IDENTITY_TTL = Duration.ofSeconds(60);

    private final Forwarder plant;
    private final IdentityTokens plantIdentity;

    public PlantProxyController(Forwarder plant, IdentityTokens plantIdentity) {
        this.plant = plant;
        this.plantIdentity = plantIdentity;
    }

    @RequestMapping(path = {"/api/v1", "/api/v1/**"}, method = {RequestMethod.GET, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    public ResponseEntity<byte[]> forward(HttpServletRequest request) {
        // the filter has verified the caller; reading it through Principal.from fails closed if not
        Principal principal = Principal.from(request);
        // the same identity for this principal for a few seconds: ingest-api verifies it once
        String identity = plantIdentity.signReused(principal, Hops.PLANT_AUDIENCE, PLANT_IDENTITY_TTL);
        return plant.forward(request, rawPath(request), Map.of(Hops.PLANT_IDENTITY_HEADER, identity));
    }

    /** Audit exports can be any size: passed on as they stream, never buffered here. */
    @GetMapping(path = {"/api/v1/audit/denials/export", "/api/v1/audit/decisions/export"})
    public ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
        Principal principal = Principal.from(request);
        String identity = plantIdentity.signReused(principal, Hops.PLANT_AUDIENCE, PLANT_IDENTITY_TTL);
        return plant.forwardStreaming(request, rawPath(request), Map.of(Hops.PLANT_IDENTITY_HEADER, identity));
    }

    /** The path as the caller encoded it, so ingest-api decodes exactly what was sent. */
    private static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context == null || context.isEmpty() ? uri : uri.substring(context.length());
    }
}
