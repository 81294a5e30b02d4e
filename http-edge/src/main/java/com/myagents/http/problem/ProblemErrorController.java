package com.myagents.http.problem;

import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Hops;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Replaces Boot's error page: what the container reports outside any controller (a filter that
 * threw, a {@code sendError}) is problem+json too, and {@code /error} called directly is a 404
 * rather than an endpoint of its own.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        String correlationId = CorrelationIdFilter.current(request);
        ApiProblem problem = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
                ? problemFor(status)
                : new ApiProblem(404, "not-found", "Not Found", "no such endpoint", Map.of());
        return ResponseEntity.status(problem.status())
                .header(Hops.CORRELATION_HEADER, correlationId)
                .headers(ProblemResponse.entity(problem, correlationId).getHeaders())
                .body(ProblemResponse.body(problem, correlationId));
    }

    private static ApiProblem problemFor(int status) {
        if (status >= 500 || HttpStatus.resolve(status) == null) {
            return new ApiProblem(500, "internal-error", "Internal Server Error",
                    "something went wrong on our side; quote the correlation_id when reporting it", Map.of());
        }
        String reason = HttpStatus.valueOf(status).getReasonPhrase();
        return new ApiProblem(status, "request-rejected", reason, reason, Map.of());
    }
}
