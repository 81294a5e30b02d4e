package com.myagents.pp.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.myagents.http.problem.ApiProblem;

/**
 * The part of a browser path after {@code /api/pp/}, checked before it becomes a gateway path: no
 * dot segments or encoded separators that could climb out of {@code /api/v1/}, and nothing under the
 * prefixes pp-backend answers itself (a wrong method there must not leak to the gateway).
 */
public final class ProxiedPath {

    static final String PREFIX = "/api/pp/";
    static final String TARGET_PREFIX = "/api/v1/";
    static final Set<String> OWN_PREFIXES = Set.of("auth");

    private ProxiedPath() {
    }

    /** @param rawPath the request URI within the application, still percent-encoded */
    public static String gatewayPath(String rawPath) {
        String rest = rawPath.replaceAll("/{2,}", "/");
        if (!rest.startsWith(PREFIX) || rest.length() == PREFIX.length()) {
            throw ApiProblem.notFound("the resource");
        }
        rest = rest.substring(PREFIX.length());
        String lower = rest.toLowerCase();
        if (lower.contains("%2f") || lower.contains("%5c") || rest.contains("\\") || rest.contains(";")) {
            throw ApiProblem.badRequest("/path", "encoded separators and path parameters are not allowed");
        }
        String[] segments = rest.split("/");
        for (String segment : segments) {
            String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (decoded.equals(".") || decoded.equals("..")) {
                throw ApiProblem.badRequest("/path", "dot segments are not allowed");
            }
        }
        if (OWN_PREFIXES.contains(segments[0])) {
            throw ApiProblem.notFound("the resource");
        }
        return TARGET_PREFIX + rest;
    }
}
