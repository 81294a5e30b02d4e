package com.myagents.cp.media;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.customers.CallingCustomer;
import com.myagents.cp.proxy.BufferedRequest;
import com.myagents.cp.proxy.GatewayDoor;
import com.myagents.http.forwarding.Forwarder;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code PUT /api/cp/deliverables/{id}}, a customer's edit of a draft: an image attached to it
 * ({@code payload.image.media_id}) must be one of the caller's media library, or 400 naming
 * {@code /payload/image/media_id} and nothing is forwarded. Plant cannot tell whose image an id
 * is; a connector would only find out when it signs the URL. An edit that passes goes through the
 * usual door, byte for byte.
 */
@RestController
public record DraftImageController(MediaLibrary library, GatewayDoor door) {

    static final String PATH = "/api/cp/deliverables/{deliverable_id}";

    /** Duplicate keys are refused: a parser further on might keep the other one than the one checked here. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @PutMapping(PATH)
    public ResponseEntity<byte[]> edit(HttpServletRequest request, @PathVariable("deliverable_id") String deliverableId) {
        UUID customerId = CallingCustomer.id(request);
        UUID deliverable = uuidOrNull(deliverableId);
        if (deliverable == null) {
            throw ApiProblem.badRequest("deliverable_id", "must be a UUID");
        }
        BufferedRequest buffered = BufferedRequest.of(request, Forwarder.DEFAULT_MAX_BODY_BYTES);
        JsonNode mediaId = attachedMediaId(buffered.body());
        if (mediaId != null && !mediaId.isNull()) {
            UUID id = mediaId.isString() ? uuidOrNull(mediaId.asString()) : null;
            if (id == null || library.content(customerId, id).isEmpty()) {
                // the same answer for someone else's image and for none at all: nothing is learnt by probing
                throw ApiProblem.badRequest(List.of(new Violation("/payload/image/media_id",
                        "is not an image of your media library; upload it with POST /api/cp/media and use its media_id")));
            }
        }
        return door.forward(buffered, "/api/v1/deliverables/" + deliverable);
    }

    private static JsonNode attachedMediaId(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode image = JSON.readTree(body).path("payload").path("image");
            return image.isObject() ? image.get("media_id") : null;
        } catch (JacksonException e) {
            String message = "the request body is not well-formed JSON (or repeats a key)";
            throw new ApiProblem(400, "malformed-json", "Bad Request", message,
                    Map.of("errors", List.of(new Violation("", message))));
        }
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
