package com.myagents.ingest.deliverables;

import java.util.Map;
import java.util.Optional;

import com.myagents.http.problem.Violation;

import tools.jackson.databind.JsonNode;

/**
 * A customer's edit of a post may not be longer than its platform takes (the same limits the
 * marketing planner drafts to; unknown platforms get the strictest common one, LinkedIn's).
 * Characters are counted as code points; X's weighted count is the connector's last word.
 */
final class PostLength {

    static final Map<String, Integer> LIMITS = Map.of(
            "x", 280, "linkedin", 3000, "instagram", 2200, "facebook", 63206, "youtube", 5000, "whatsapp", 1024);
    static final int DEFAULT_LIMIT = 3000;
    /** Fields of a post payload that carry its text. */
    private static final java.util.List<String> TEXT_FIELDS = java.util.List.of("text", "canonical_message");

    private PostLength() {
    }

    static int limitFor(JsonNode payload) {
        JsonNode platform = payload.get("platform");
        return platform != null && platform.isString() ? LIMITS.getOrDefault(platform.asString(), DEFAULT_LIMIT)
                : DEFAULT_LIMIT;
    }

    /** The first text field of {@code payload} that is longer than its platform's limit. */
    static Optional<Violation> tooLong(JsonNode payload) {
        int limit = limitFor(payload);
        for (String field : TEXT_FIELDS) {
            JsonNode text = payload.get(field);
            if (text != null && text.isString()) {
                String value = text.asString();
                int length = value.codePointCount(0, value.length());
                if (length > limit) {
                    return Optional.of(new Violation("/payload/" + field, "is " + length
                            + " characters; the platform takes at most " + limit));
                }
            }
        }
        return Optional.empty();
    }
}
