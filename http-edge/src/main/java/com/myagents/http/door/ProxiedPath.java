package com.myagents.http.door;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.myagents.http.problem.ApiProblem;

/**
 * The part of a browser path after a door's {@code /api/<door>/}, checked before it becomes a
 * gateway path: no dot segments, encoded separators or path parameters that could climb out of
 * {@code /api/v1/}, and nothing the door answers itself — however it is spelled (doubled slashes,
 * percent-encoding, case, a trailing slash). A door's own controllers check what they forward
 * (refs in a draft config, the guardrails before a publish), so no other spelling may reach Plant
 * around them. Both doors use this one check, so neither is laxer than the other.
 */
public final class ProxiedPath {

    static final String TARGET_PREFIX = "/api/v1/";

    private final String prefix;
    private final Set<String> ownPrefixes;
    private final List<OwnRoute> ownRoutes;

    /** A route a door's controller serves: for every method, or only for one (e.g. the checked draft edit, PUT). */
    private record OwnRoute(String method, Pattern path) {

        static OwnRoute of(String spec) {
            int space = spec.indexOf(' ');
            return space < 0 ? new OwnRoute(null, Pattern.compile(spec))
                    : new OwnRoute(spec.substring(0, space), Pattern.compile(spec.substring(space + 1)));
        }

        boolean covers(String requestMethod, String canonicalPath) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matcher(canonicalPath).matches();
        }
    }

    /**
     * The door's {@link Door#ownPrefixes() own prefixes} are first path segments (lower case); its
     * {@link Door#ownRoutes() own routes} are canonical paths (lower case, single slashes, decoded, no
     * trailing slash) as regular expressions, optionally preceded by the one method they are the
     * door's for ({@code "PUT deliverables/[^/]+"}).
     */
    public ProxiedPath(Door door) {
        this.prefix = door.apiPrefix() + "/";
        this.ownPrefixes = door.ownPrefixes();
        this.ownRoutes = door.ownRoutes().stream().map(OwnRoute::of).toList();
    }

    /**
     * @param method  the request's method
     * @param rawPath the request URI within the application, still percent-encoded
     */
    public String gatewayPath(String method, String rawPath) {
        String rest = rawPath.replaceAll("/{2,}", "/");
        if (!rest.startsWith(prefix) || rest.length() == prefix.length()) {
            throw ApiProblem.notFound("the resource");
        }
        rest = rest.substring(prefix.length());
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
        if (canonical.isEmpty() || ownPrefixes.contains(canonical.get(0))
                || ownRoutes.stream().anyMatch(own -> own.covers(method, path))) {
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
