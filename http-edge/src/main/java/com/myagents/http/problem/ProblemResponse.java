package com.myagents.http.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.myagents.http.correlation.CorrelationIdFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one rendering of a problem: body members in RFC 9457 order plus {@code correlation_id}. Keys
 * are written as given, so an application's naming strategy cannot change them.
 */
public final class ProblemResponse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponse() {
    }

    public static Map<String, Object> body(ApiProblem problem, String correlationId) {
        return body(problem.getBody(), correlationId);
    }

    /** Any {@link ProblemDetail}, ours or one of Spring's own exceptions'. */
    public static Map<String, Object> body(ProblemDetail problem, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("correlation_id", correlationId);
        if (problem.getProperties() != null) {
            problem.getProperties().forEach((key, value) -> body.put(key, plain(value)));
        }
        return body;
    }

    public static ResponseEntity<Map<String, Object>> entity(ApiProblem problem, String correlationId) {
        HttpHeaders headers = new HttpHeaders();
        problem.headers().forEach(headers::set);
        return ResponseEntity.status(problem.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(problem, correlationId));
    }

    /** For filters, which answer before any controller advice can. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
            throws IOException {
        byte[] json = JSON.writeValueAsBytes(body(problem, CorrelationIdFilter.current(request)));
        response.resetBuffer();
        response.setStatus(problem.status());
        problem.headers().forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }

    /** Violations as plain maps, so their member names never depend on a mapper's configuration. */
    private static Object plain(Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(Violation.class::isInstance)) {
            return list.stream().map(v -> {
                Violation violation = (Violation) v;
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("pointer", violation.pointer());
                member.put("message", violation.message());
                return member;
            }).toList();
        }
        return value;
    }
}
