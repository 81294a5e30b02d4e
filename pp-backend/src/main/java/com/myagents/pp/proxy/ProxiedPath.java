package com.myagents.pp.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.myagents.http.problem.ApiProblem;

/**
 * The part of a browser path after {@code /api/pp/}, checked before it becomes a gateway path: no
 * dot segments, encoded separators or path parameters that could climb out of {@code /api/v1/}, and
 * nothing pp-backend answers itself — however it is spelled (doubled slashes, percent-encoding,
 * case, a trailing slash): validating and publishing an agent-type version run the guardrails and
 * write the audit entry that names them, so no other spelling may reach Plant around them.
 */
public final class ProxiedPath {

    static final String PREFIX = "/api/pp/";
    static final String TARGET_PREFIX = "/api/v1/";
    /** First segments that are wholly pp-backend's. */
    static final Set<String> OWN_PREFIXES = Set.of("auth", "operators");
    /** Canonical paths (lower case, single slashes, decoded) a pp-backend controller serves. */
    static final List<Pattern> OWN_PATHS = List.of(
            Pattern.compile("agent-types/[^/]+/versions/[^/]+/(validate|publish)"),
            Pattern.compile("ops/(denials|decisions)"));

    private ProxiedPath() {
    }

    /** @param rawPath the request URI within the application, still percent-encoded */
    public static String gatewayPath(String rawPath) {
        String rest = rawPath.replaceAll("/{2,}", "/");
        if (!rest.startsWith(PREFIX) || rest.length() == PREFIX.length()) {
            throw ApiProblem.notFound("the resource");
        }
        rest = rest.substring(PREFIX.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || rest.contains("\\") || rest.contains(";")
                || lower.contains("%3b") || lower.contains("%25")) {
            throw ApiProblem.badRequest("/path", "encoded separators and path parameters are not allowed");
        }
        List<String> canonical = new ArrayList<>();
        for (String segment : rest.split("/")) {
            String decoded = decoded(segment);
            if (decoded.equals(".") || decoded.equals("..")) {
                throw ApiProblem.badRequest("/path", "dot segments are not allowed");
            }
            if (!decoded.isEmpty()) {
                canonical.add(decoded.strip().toLowerCase(Locale.ROOT));
            }
        }
        String path = String.join("/", canonical);
        if (canonical.isEmpty() || OWN_PREFIXES.contains(canonical.get(0))
                || OWN_PATHS.stream().anyMatch(own -> own.matcher(path).matches())) {
            throw ApiProblem.notFound("the resource");
        }
        return TARGET_PREFIX + rest;
    }

    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ApiProblem.badRequest("/path", "the path is not validly percent-encoded");
        }
    }
}
