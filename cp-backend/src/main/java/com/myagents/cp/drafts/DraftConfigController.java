package com.myagents.cp.drafts;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.customers.CallingCustomer;
import com.myagents.cp.proxy.BufferedRequest;
import com.myagents.cp.proxy.GatewayDoor;
import com.myagents.http.forwarding.Forwarder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code PUT /api/cp/hired-agents/draft}: before Plant sees a config, every credential ref in it must
 * be the caller's; otherwise 400 naming each offending pointer, and nothing is forwarded. A config
 * that passes goes through the same door as any other Plant call, byte for byte.
 */
@RestController
public record DraftConfigController(OwnedCredentialRefs refs, GatewayDoor door) {

    public static final String PATH = "/api/cp/hired-agents/draft";
    static final String PLANT_PATH = "/api/v1/hired-agents/draft";

    @PutMapping(PATH)
    public ResponseEntity<byte[]> saveDraft(HttpServletRequest request) {
        UUID customerId = CallingCustomer.id(request);
        BufferedRequest buffered = BufferedRequest.of(request, Forwarder.DEFAULT_MAX_BODY_BYTES);
        refs.requireOwned(customerId, buffered.body());
        return door.forward(buffered, PLANT_PATH);
    }
}
