package com.myagents.cp.ui;

import java.io.IOException;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Static files of a packaged single-page app, and its {@code index.html} for any other GET that is
 * a client-side route: not under {@code api/}, {@code actuator/} or {@code internal/} and without a
 * file extension.
 * A missing {@code /app.js} stays a 404; a missing {@code /agents/42} is the app's business.
 */
public final class SinglePageApp extends PathResourceResolver {

    static final String INDEX = "index.html";
    /** Server paths: a miss there is a 404, never the app. */
    static final String[] RESERVED = {"api", "actuator", "internal"};

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
        return !last.contains(".");
    }
}
