package com.myagents.ingest.deliverables;

import java.util.Optional;
import java.util.UUID;

import com.myagents.http.problem.Violation;

import tools.jackson.databind.JsonNode;

/**
 * The image a customer attaches to a post: {@code "image": {"media_id": "<uuid>"}}, an image of
 * their media library (cp-backend checks it is theirs; the connectors fetch it by a signed URL),
 * or {@code null} / absent for none. Any other shape would only fail at publishing time, so it is
 * refused when the draft is edited.
 */
final class AttachedImage {

    static final String FIELD = "image";
    private static final java.util.Set<String> IDENTIFIER_POINTERS = java.util.Set.of("/image/media_id", "/supersedes");

    private AttachedImage() {
    }

    static Optional<Violation> problem(JsonNode payload) {
        JsonNode image = payload.get(FIELD);
        if (image == null || image.isNull()) {
            return Optional.empty();
        }
        JsonNode mediaId = image.isObject() ? image.get("media_id") : null;
        if (mediaId == null || !mediaId.isString() || !isUuid(mediaId.asString()) || image.size() != 1) {
            return Optional.of(new Violation("/payload/image",
                    "must be {\"media_id\": \"<id of an image in your media library>\"} or null"));
        }
        return Optional.empty();
    }

    /**
     * Whether the value at {@code pointer} is one of the ids a post names (its image's media id, the
     * draft it supersedes), as a UUID: random-looking, but an id and not a secret.
     */
    static boolean isIdentifier(JsonNode payload, String pointer) {
        if (!IDENTIFIER_POINTERS.contains(pointer)) {
            return false;
        }
        JsonNode value = payload.at(pointer);
        return value.isString() && isUuid(value.asString());
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
