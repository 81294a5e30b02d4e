package com.myagents.http.door;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Static files of a packaged single-page app, and its {@code index.html} for any other GET that is
 * a client-side route: not under {@code api/}, {@code actuator/}, {@code internal/} or
 * {@code assets/}, and not naming a static file by its extension. Route segments may hold dots (an
 * agent type id {@code marketing.healthcare.v1}, a version {@code 1.0.0}), so only the extensions
 * the build emits count as files. A missing {@code /app.js} stays a 404; a missing
 * {@code /agents/42} is the app's business.
 */
public final class SinglePageApp extends PathResourceResolver {

    public static final String INDEX = "index.html";

    /** Server paths: a miss there is a 404, never the app. */
    private static final String[] RESERVED = {"api", "actuator", "internal", "assets"};

    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "js", "mjs", "css", "map", "html", "htm", "json", "txt", "xml", "webmanifest",
            "svg", "png", "jpg", "jpeg", "gif", "webp", "ico", "woff", "woff2", "ttf", "otf", "wasm");

    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
        Resource file = super.getResource(resourcePath, location);
        if (file != null || !isClientRoute(resourcePath)) {
            return file;
        }
        return super.getResource(INDEX, location);
    }

    static boolean isClientRoute(String resourcePath) {
        String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        for (String reserved : RESERVED) {
            if (path.equals(reserved) || path.startsWith(reserved + "/")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 || !FILE_EXTENSIONS.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
