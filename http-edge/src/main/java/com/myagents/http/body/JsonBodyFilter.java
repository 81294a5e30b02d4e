package com.myagents.http.body;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.ProblemResponse;
import com.myagents.http.problem.Violation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request body is JSON in UTF-8 or it goes no further: another declared type or charset is 415,
 * a body longer than the cap is 413, a body {@link JsonBodyCheck} refuses is 400 naming the field;
 * query parameters get the same text check. What passes continues with the re-serialised document
 * (see {@link CheckedJsonRequest}), so whatever a handler checks is exactly what it hands on.
 * Runs right after the correlation id is set, before authentication, so refusals cost little.
 */
public class JsonBodyFilter extends OncePerRequestFilter implements Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;
    /** A global cap on a request body; JSON commands and definitions are far smaller. */
    public static final long DEFAULT_MAX_BODY_BYTES = 256L * 1024;

    private final long maxBodyBytes;
    private final java.util.Set<String> binaryUploads;

    public JsonBodyFilter(long maxBodyBytes) {
        this(maxBodyBytes, java.util.Set.of());
    }

    /**
     * @param binaryUploads exact paths whose POST body is a file the handler itself checks by its bytes
     *                      and keeps (cp-backend's media library), never forwarded; any other spelling of
     *                      them is still held to the JSON rule
     */
    public JsonBodyFilter(long maxBodyBytes, java.util.Set<String> binaryUploads) {
        this.maxBodyBytes = maxBodyBytes;
        this.binaryUploads = java.util.Set.copyOf(binaryUploads);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && binaryUploads.contains(request.getRequestURI());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked;
        try {
            checkQuery(request.getQueryString());
            checked = hasBody(request) ? withCheckedBody(request) : request;
        } catch (ApiProblem problem) {
            ProblemResponse.write(request, response, problem);
            return;
        }
        chain.doFilter(checked, response);
    }

    private HttpServletRequest withCheckedBody(HttpServletRequest request) throws IOException {
        requireJsonUtf8(request.getHeader(HttpHeaders.CONTENT_TYPE));
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] raw = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (raw.length > maxBodyBytes) {
            throw tooLarge();
        }
        if (raw.length == 0) {
            return new CheckedJsonRequest(request, raw);
        }
        return new CheckedJsonRequest(request, JsonBodyCheck.canonical(raw));
    }

    static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** {@code application/json}, with no charset or UTF-8; anything else is 415. */
    static void requireJsonUtf8(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("a request body must be declared as Content-Type: application/json");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw unsupported("the Content-Type is not a media type; send application/json");
        }
        if (!"application".equalsIgnoreCase(type.getType()) || !"json".equalsIgnoreCase(type.getSubtype())) {
            throw unsupported(type.getType() + "/" + type.getSubtype() + " is not accepted; send application/json");
        }
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            String name = parameter.getKey().toLowerCase(Locale.ROOT);
            String value = parameter.getValue().replace("\"", "");
            if (!name.equals("charset") || !(value.equalsIgnoreCase("utf-8") || value.equalsIgnoreCase("utf8"))) {
                throw unsupported("application/json is accepted in UTF-8 only, without other parameters");
            }
        }
    }

    static void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            String name = decode(parts[0]);
            String value = parts.length == 2 ? decode(parts[1]) : "";
            String problem = JsonBodyCheck.textProblem(name);
            if (problem == null) {
                problem = JsonBodyCheck.textProblem(value);
            }
            if (problem != null) {
                String shown = JsonBodyCheck.textProblem(name) == null ? name : "(a parameter name)";
                violations.add(new Violation(shown, "query parameter " + problem));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.badRequest(violations);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("query", "is not validly percent-encoded");
        }
    }

    private ApiProblem tooLarge() {
        return ApiProblem.payloadTooLarge("the request body is larger than " + maxBodyBytes + " bytes");
    }

    private static ApiProblem unsupported(String detail) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported Media Type", detail,
                Map.of("accepted", List.of(MediaType.APPLICATION_JSON_VALUE)));
    }
}
