package com.myagents.pp.agenttypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;
import com.myagents.pp.audit.AuditedAction;
import com.myagents.pp.operators.Right;
import com.myagents.pp.plant.PlantClient;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agent Management's two actions that pp-backend decides itself: validate a version (admins and
 * support; it changes nothing) and publish it (admins), which runs every guardrail and the
 * breaking-change check before Plant is asked to publish. Listing, reading, drafting from the
 * latest version and editing a draft go through the door to Plant's {@code /api/v1/agent-types}
 * as they are (admins write; support reads; auditors get nothing).
 */
@RestController
@RequestMapping("/api/pp/agent-types/{agent_type_id}/versions/{version}")
public record AgentManagementController(DefinitionReview review, PlantClient plant, AuditedAction audited,
                                        ReviewReceiptMint receipts) {

    static final String VALIDATE = "agent_type:validate";
    static final String PUBLISH = "agent_type:publish";

    @PostMapping("/validate")
    public ResponseEntity<Object> validate(@PathVariable("agent_type_id") String agentTypeId,
                                           @PathVariable("version") String version, HttpServletRequest request) {
        return audited.run(request, VALIDATE, target(agentTypeId, version), Right.REVIEW_AGENT_TYPES::require,
                (operator, detail) -> {
                    try {
                        ValidationReport report = review.review(agentTypeId, version, operator,
                                CorrelationIdFilter.current(request));
                        summarize(report, detail);
                        return ResponseEntity.ok(report);
                    } catch (DefinitionReview.PlantRefusal refused) {
                        return refused.reply().relay();
                    }
                });
    }

    @PostMapping("/publish")
    public ResponseEntity<Object> publish(@PathVariable("agent_type_id") String agentTypeId,
                                          @PathVariable("version") String version,
                                          @RequestBody(required = false) PublishRequest body,
                                          HttpServletRequest request) {
        boolean acknowledged = body != null && body.acknowledged();
        return audited.run(request, PUBLISH, target(agentTypeId, version), Right.AUTHOR_AGENT_TYPES::require,
                (operator, detail) -> {
                    String correlationId = CorrelationIdFilter.current(request);
                    ValidationReport report;
                    try {
                        report = review.review(agentTypeId, version, operator, correlationId);
                    } catch (DefinitionReview.PlantRefusal refused) {
                        return refused.reply().relay();
                    }
                    summarize(report, detail);
                    detail.put("acknowledged_breaking_changes", acknowledged);
                    if (!report.valid()) {
                        throw rejected(report);
                    }
                    if (report.breaking() && !acknowledged) {
                        throw unacknowledged(report);
                    }
                    // Plant publishes only with a receipt for exactly the content reviewed above
                    ObjectNode receipt = JsonNodeFactory.instance.objectNode().put("review_receipt",
                            receipts.mint(agentTypeId, version, report.definitionHash(), operator));
                    detail.put("definition_hash", report.definitionHash());
                    PlantClient.Reply published = plant.post("/api/v1/agent-types/" + agentTypeId + "/versions/"
                            + version + "/publish", receipt, operator, correlationId);
                    detail.put("published", published.ok());
                    return published.relay();
                });
    }

    private static ApiProblem rejected(ValidationReport report) {
        List<Violation> errors = report.errors().stream().map(f -> new Violation(f.path(), f.message())).toList();
        return ApiProblem.badRequest(errors)
                .with("breaking_changes", report.breakingChanges())
                .with("affected_instances", report.affectedInstances());
    }

    private static ApiProblem unacknowledged(ValidationReport report) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("errors", report.breakingChanges().stream()
                .map(change -> new Violation(change.path(), change.message())).toList());
        properties.put("breaking_changes", report.breakingChanges());
        properties.put("affected_instances", report.affectedInstances());
        properties.put("compared_with", report.comparedWith());
        return new ApiProblem(409, "breaking-changes-unacknowledged", "Conflict", report.breakingChanges().size()
                + " breaking change(s) against " + report.comparedWith() + " affecting "
                + report.affectedInstances().size() + " configured instance(s); publish again with "
                + "{\"acknowledge_breaking_changes\": true} to accept them", properties);
    }

    private static void summarize(ValidationReport report, Map<String, Object> detail) {
        detail.put("valid", report.valid());
        detail.put("errors", report.errors().size());
        detail.put("breaking_changes", report.breakingChanges().size());
        detail.put("affected_instances", report.affectedInstances().size());
        detail.put("compared_with", report.comparedWith());
    }

    private static String target(String agentTypeId, String version) {
        return "/api/v1/agent-types/" + agentTypeId + "/versions/" + version;
    }
}
