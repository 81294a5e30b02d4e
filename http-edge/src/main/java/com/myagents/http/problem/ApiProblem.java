package com.myagents.http.problem;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An answer other than success, as a handler decides it: Spring's {@link ProblemDetail} (RFC 9457)
 * with our type URIs and body members, rendered as problem+json by {@link ProblemAdvice} (in
 * controllers) or {@link ProblemResponse} (in filters), both through the one
 * {@link ProblemResponse#body} so every problem has the same member order and a correlation id.
 */
public class ApiProblem extends ErrorResponseException {

    public static final String TYPE_PREFIX = "https://myagents.dev/problems/";

    private final String slug;

    public ApiProblem(int status, String slug, String title, String detail, Map<String, Object> properties) {
        this(status, slug, title, detail, properties, Map.of());
    }

    public ApiProblem(int status, String slug, String title, String detail, Map<String, Object> properties,
                      Map<String, String> headers) {
        super(HttpStatusCode.valueOf(status), detailOf(status, slug, title, detail, properties), null);
        this.slug = slug;
        if (headers != null) {
            headers.forEach(getHeaders()::set);
        }
    }

    private static ProblemDetail detailOf(int status, String slug, String title, String detail,
                                          Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        problem.setDetail(detail);
        // a map of our own, in the order given (ProblemDetail's would be made on the first property)
        problem.setProperties(new LinkedHashMap<>(properties == null ? Map.of() : properties));
        return problem;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not Found", what + " was not found", Map.of());
    }

    public static ApiProblem badRequest(String field, String message) {
        String pointer = field.startsWith("/") ? field : "/" + field;
        return badRequest(List.of(new Violation(pointer, message)));
    }

    public static ApiProblem badRequest(List<Violation> violations) {
        return new ApiProblem(400, "validation-failed", "Bad Request",
                "the request is not valid: " + violations.size() + " problem(s)",
                Map.of("errors", List.copyOf(violations)));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, Map.of());
    }

    /** 403 with a machine-readable {@code reason} (e.g. an enforcement reason code). */
    public static ApiProblem forbidden(String reason, String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, Map.of("reason", reason));
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail, Map.of(),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiProblem tooManyRequests(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ApiProblem(429, "too-many-requests", "Too Many Requests",
                "rate limit exceeded; retry after " + seconds + " s",
                Map.of("retry_after_seconds", seconds), Map.of("Retry-After", Long.toString(seconds)));
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(413, "payload-too-large", "Payload Too Large", detail, Map.of());
    }

    public static ApiProblem badGateway(String detail) {
        return new ApiProblem(502, "bad-gateway", "Bad Gateway", detail, Map.of());
    }

    public static ApiProblem gatewayTimeout(String detail) {
        return new ApiProblem(504, "gateway-timeout", "Gateway Timeout", detail, Map.of());
    }

    /** The same problem with one more body property. */
    public ApiProblem with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties());
        more.put(property, value);
        return new ApiProblem(status(), slug, title(), detail(), more, headers());
    }

    public int status() {
        return getStatusCode().value();
    }

    public String slug() {
        return slug;
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return getBody().getTitle();
    }

    public String detail() {
        return getBody().getDetail();
    }

    @Override
    public String getMessage() {
        return detail();
    }

    /** Extra body members beside the standard ones (e.g. {@code reason}, {@code errors}), in the order given. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(getBody().getProperties());
    }

    /** Response headers that belong to this problem (e.g. {@code Retry-After}). */
    public Map<String, String> headers() {
        return getHeaders().toSingleValueMap();
    }
}
