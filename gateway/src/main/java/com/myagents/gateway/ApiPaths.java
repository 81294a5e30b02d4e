package com.myagents.gateway;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are Plant API calls, judged on the path the servlet container normalized. */
public final class ApiPaths {

    public static final String HEALTH = "/actuator/health";

    private ApiPaths() {
    }

    /**
     * The decoded path within the application, without {@code ;params}: the same path Spring MVC
     * matches, so a filter and a handler can never disagree about what a request is.
     */
    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        if (path.isEmpty()) {
            String context = request.getContextPath() == null ? "" : request.getContextPath();
            path = request.getRequestURI().substring(Math.min(context.length(), request.getRequestURI().length()));
        }
        return path.replaceAll("/{2,}", "/");
    }

    public static boolean isPlantApi(HttpServletRequest request) {
        String path = of(request);
        return path.equals("/api/v1") || path.startsWith("/api/v1/");
    }

    public static boolean isHealth(HttpServletRequest request) {
        String path = of(request);
        return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    }
}
