package com.myagents.ingest.execution;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.ProblemResponse;
import com.myagents.ingest.identity.Ids;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * {@code POST /api/v1/deliverables/{deliverable_id}/execute}: 403 problem+json on deny, 202 on
 * allow, 202 "pending" when the decision is late (then poll {@code GET /api/v1/executions/{id}}).
 */
@RestController
@RequestMapping("/api/v1")
class ExecutionController {

    private final ExecutionService executions;

    ExecutionController(ExecutionService executions) {
        this.executions = executions;
    }

    @PostMapping("/deliverables/{deliverable_id}/execute")
    ResponseEntity<?> execute(@PathVariable("deliverable_id") String deliverableId,
                                   @RequestBody(required = false) @Valid ExecuteRequest body,
                                   HttpServletRequest http) {
        ExecuteRequest request = validated(body == null ? ExecuteRequest.EMPTY : body);
        ExecutionOutcome outcome = executions.execute(Principal.from(http), Ids.uuid("deliverable_id", deliverableId),
                request, CorrelationIdFilter.current(http));
        return render(outcome);
    }

    @GetMapping("/executions/{correlation_id}")
    ResponseEntity<?> status(@PathVariable("correlation_id") String correlationId, HttpServletRequest http) {
        return render(executions.status(Principal.from(http), correlationId));
    }

    static ResponseEntity<?> render(ExecutionOutcome outcome) {
        if (outcome instanceof ExecutionOutcome.Decided decided && !decided.decision().allowed()) {
            return ProblemResponse.entity(denied(decided.decision()), decided.decision().correlationId());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("correlation_id", outcome.correlationId());
        if (outcome instanceof ExecutionOutcome.Decided decided) {
            body.put("outcome", "allowed");
            body.put("decision_id", decided.decision().decisionId());
            body.put("reason", decided.decision().reason().code());
            // A trial's dry-run allowance: the connector will describe the action and send nothing.
            body.put("mode", decided.decision().dryRun() ? "dry_run" : "live");
            if (decided.decision().dryRun()) {
                body.put("message", "Dry run: nothing will be sent. The trial allows this action as a dry run only;"
                        + " the result shows what would have been sent.");
            }
        } else {
            body.put("outcome", "pending");
            body.put("status_url", "/api/v1/executions/" + outcome.correlationId());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    private static ApiProblem denied(ExecutionDecision decision) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("reason", decision.reason().code());
        properties.put("decision_id", decision.decisionId());
        properties.put("policy_version", decision.policyVersion());
        return new ApiProblem(403, "execution-denied", "Execution denied", decision.detail(), properties);
    }

    private static ExecuteRequest validated(ExecuteRequest body) {
        if (body.approvalId() != null) {
            Ids.uuid("approval_id", body.approvalId());
        }
        if (body.manual() != null) {
            ManualPublishing.checkPostedUrl(body.manual().postedUrl());
        }
        return body;
    }
}
