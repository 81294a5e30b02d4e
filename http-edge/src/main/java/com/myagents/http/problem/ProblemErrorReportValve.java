package com.myagents.http.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Hops;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page, for the errors the container answers before any servlet runs (an
 * encoded slash or an illegal character in the path, an oversized header): problem+json like
 * every other error, never an HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        ApiProblem problem = new ApiProblem(status, status == 404 ? "not-found" : "bad-request",
                status == 404 ? "Not Found" : "Bad Request",
                "the request was refused before it reached the application", Map.of());
        String correlationId = CorrelationIdFilter.mint();
        try {
            byte[] body = JSON.writeValueAsBytes(ProblemResponse.body(problem, correlationId));
            response.setHeader(Hops.CORRELATION_HEADER, correlationId);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is half-written: nothing more to say
        }
    }
}
