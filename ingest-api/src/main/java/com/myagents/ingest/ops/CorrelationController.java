package com.myagents.ingest.ops;

import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/** The correlation drill-down: why one request ended the way it did. Auditors, support and admins. */
@RestController
class CorrelationController {

    /** The form {@code CorrelationIdFilter} accepts; anything else was never recorded. */
    private static final Pattern CORRELATION_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$");

    private final CorrelationTimeline timelines;

    CorrelationController(CorrelationTimeline timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/api/v1/ops/correlations/{correlation_id}")
    CorrelationTimeline.Timeline timeline(@PathVariable("correlation_id") String correlationId, HttpServletRequest http) {
        OperatorViews.AUDIT.require(http);
        if (!CORRELATION_ID.matcher(correlationId).matches()) {
            throw ApiProblem.badRequest("correlation_id", "must be 8 to 128 letters, digits or . _ : -");
        }
        CorrelationTimeline.Timeline timeline = timelines.of(correlationId);
        if (timeline.timeline().isEmpty()) {
            throw ApiProblem.notFound("correlation " + correlationId);
        }
        return timeline;
    }
}
