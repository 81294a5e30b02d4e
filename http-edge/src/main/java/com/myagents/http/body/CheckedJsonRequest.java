package com.myagents.http.body;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's request with the body replaced by the JSON {@link JsonBodyCheck} accepted,
 * re-serialised: everything downstream (controllers, a door's checks, the forwarder) reads these
 * bytes, declared as plain {@code application/json} in UTF-8.
 */
final class CheckedJsonRequest extends InMemoryBodyRequest {

    CheckedJsonRequest(HttpServletRequest request, byte[] body) {
        super(request, body);
    }

    @Override
    public String getContentType() {
        return getContentLength() == 0 ? super.getContentType() : MediaType.APPLICATION_JSON_VALUE;
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public String getHeader(String name) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            return getContentType();
        }
        if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return Integer.toString(getContentLength());
        }
        if (HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)) {
            return null;
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                || HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)) {
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(value));
        }
        return super.getHeaders(name);
    }
}
