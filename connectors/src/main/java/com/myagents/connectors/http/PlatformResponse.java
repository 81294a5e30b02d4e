package com.myagents.connectors.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** A platform's answer: status, headers (names lower case) and body text. */
public record PlatformResponse(int status, Map<String, List<String>> headers, String body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public boolean serverError() {
        return status >= 500;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as JSON; a missing node when it is empty or not JSON. */
    public JsonNode json() {
        return Json.readTree(body);
    }

    /** The start of the body, for a detail or a log line (platform error texts carry no secrets). */
    public String excerpt() {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
