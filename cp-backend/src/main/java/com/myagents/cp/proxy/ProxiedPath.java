package com.myagents.cp.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.myagents.http.problem.ApiProblem;

/**
 * The part of a browser path after {@code /api/cp/}, checked before it becomes a gateway path: no
 * dot segments or encoded separators that could climb out of {@code /api/v1/}, and nothing cp-backend
 * answers itself (a wrong method, or another spelling of the same path, must not leak to the gateway
 * around the controller that checks it).
 */
public final class ProxiedPath {

    static final String PREFIX = "/api/cp/";
    static final String TARGET_PREFIX = "/api/v1/";
    /** First segments that are wholly cp-backend's. */
    static final Set<String> OWN_PREFIXES = Set.of("auth", "platform-credentials", "exchange-setup", "my-agents");
    /** Exact paths a cp-backend controller checks before forwarding (e.g. refs in a draft config). */
    static final Set<String> OWN_PATHS = Set.of("hired-agents/draft");

    /**
     * First segments under which a PUT to {@code <segment>/<id>} is checked by a cp-backend
     * controller (an edited draft's attached image must be the caller's): any other spelling of it
     * must not reach the gateway.
     */
    static final Set<String> CHECKED_ITEM_WRITES = Set.of("deliverables");

    private ProxiedPath() {
    }

    /** {@link #gatewayPath(String)}, also refusing the edits (PUT) a cp-backend controller checks. */
    public static String gatewayPath(String method, String rawPath) {
        String target = gatewayPath(rawPath);
        if ("PUT".equalsIgnoreCase(method)) {
            List<String> segments = new ArrayList<>();
            for (String segment : target.substring(TARGET_PREFIX.length()).split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(decoded(segment).toLowerCase(Locale.ROOT));
                }
            }
            if (segments.size() == 2 && CHECKED_ITEM_WRITES.contains(segments.get(0))) {
                throw ApiProblem.notFound("the resource");
            }
        }
        return target;
    }

    /** @param rawPath the request URI within the application, still percent-encoded */
    public static String gatewayPath(String rawPath) {
        String rest = rawPath.replaceAll("/{2,}", "/");
        if (!rest.startsWith(PREFIX) || rest.length() == PREFIX.length()) {
            throw ApiProblem.notFound("the resource");
        }
        rest = rest.substring(PREFIX.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || rest.contains("\\") || rest.contains(";")) {
            throw ApiProblem.badRequest("/path", "encoded separators and path parameters are not allowed");
        }
        List<String> canonical = new ArrayList<>();
        for (String segment : rest.split("/")) {
            String decoded = decoded(segment);
            if (decoded.equals(".") || decoded.equals("..")) {
                throw ApiProblem.badRequest("/path", "dot segments are not allowed");
            }
            if (!decoded.isEmpty()) {
                canonical.add(decoded.toLowerCase(Locale.ROOT));
            }
        }
        if (canonical.isEmpty() || OWN_PREFIXES.contains(canonical.get(0))
                || OWN_PATHS.contains(String.join("/", canonical))) {
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
