package com.myagents.connectors.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to a platform, built the same way for sending and for a dry run. Headers that
 * carry a secret (or a value only known at send time) have a placeholder in {@code redactions}:
 * {@link #described()} shows the placeholder, never the value.
 *
 * @param body the exact text sent (and, for Delta, signed); {@code null} for none
 */
public record OutgoingRequest(String method, URI uri, Map<String, String> headers, String body,
        Map<String, String> redactions) {

    public OutgoingRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        redactions = Map.copyOf(redactions);
    }

    /** Method, URL, headers with secrets replaced, and the body as JSON when it is JSON. */
    public Map<String, Object> described() {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((name, value) -> shown.put(name, redactions.getOrDefault(name, value)));
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("method", method);
        description.put("url", uri.toString());
        description.put("headers", shown);
        if (body != null) {
            description.put("body", Json.readOrText(body));
        }
        return description;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
