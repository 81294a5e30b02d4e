package com.myagents.pp.agenttypes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import com.myagents.http.identity.Principal;
import com.myagents.http.problem.ApiProblem;
import com.myagents.http.review.DefinitionHash;
import com.myagents.pp.plant.PlantClient;

import tools.jackson.databind.JsonNode;

/**
 * Reviews one version as Plant has it: the guardrails, the breaking changes against the previous
 * published version, and Plant's answer to "which configured instances would this leave
 * unconfigured" ({@code GET /api/v1/ops/agent-types/{id}/versions/{version}/impact}, which checks
 * every instance's stored config with the very rules Plant computes readiness with).
 */
@Service
public class DefinitionReview {

    private static final Pattern VERSION = Pattern.compile("\\d{1,6}\\.\\d{1,6}\\.\\d{1,6}");
    private static final Pattern AGENT_TYPE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final PlantClient plant;

    public DefinitionReview(PlantClient plant) {
        this.plant = plant;
    }

    public ValidationReport review(String agentTypeId, String version, Principal operator, String correlationId) {
        if (!AGENT_TYPE_ID.matcher(agentTypeId).matches()) {
            throw ApiProblem.badRequest("agent_type_id", "must be letters, digits, '.', '_' or '-'");
        }
        if (!VERSION.matcher(version).matches()) {
            throw ApiProblem.badRequest("version", "must be a semantic version such as 1.1.0");
        }
        String base = "/api/v1/agent-types/" + agentTypeId;
        JsonNode candidate = required(plant.get(base + "?version=" + URLEncoder.encode(version, StandardCharsets.UTF_8),
                operator, correlationId));
        JsonNode versions = required(plant.get(base + "/versions", operator, correlationId)).path("versions");
        JsonNode previous = previousPublished(versions, version);

        List<Finding> errors = Guardrails.check(candidate);
        List<BreakingChange> breaking = previous == null ? List.of() : BreakingChanges.between(previous, candidate);
        List<JsonNode> affected = new ArrayList<>();
        int checked = 0;
        boolean configSchemaUsable = errors.stream().noneMatch(f -> f.path().startsWith("/config_schema"));
        if (configSchemaUsable) {
            JsonNode impact = required(plant.get("/api/v1/ops/agent-types/" + agentTypeId + "/versions/" + version
                    + "/impact", operator, correlationId));
            impact.path("affected_instances").forEach(affected::add);
            checked = impact.path("instances_checked").asInt();
        }
        return new ValidationReport(agentTypeId, version, candidate.path("status").asString(null), errors.isEmpty(),
                errors, previous == null ? null : previous.path("version").asString(), breaking, affected, checked,
                DefinitionHash.of(candidate));
    }

    /** The highest published (or retired) version below {@code version}. */
    static JsonNode previousPublished(JsonNode versions, String version) {
        JsonNode previous = null;
        for (JsonNode candidate : versions) {
            String status = candidate.path("status").asString("");
            String v = candidate.path("version").asString("");
            if (!status.equals("draft") && VERSION.matcher(v).matches() && compare(v, version) < 0
                    && (previous == null || compare(v, previous.path("version").asString()) > 0)) {
                previous = candidate;
            }
        }
        return previous;
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int byPart = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (byPart != 0) {
                return byPart;
            }
        }
        return 0;
    }

    /** Plant's answer, or Plant's problem passed on with its own status. */
    private static JsonNode required(PlantClient.Reply reply) {
        if (!reply.ok() || reply.body() == null) {
            throw new PlantRefusal(reply);
        }
        return reply.body();
    }

    /** Plant said no (404 unknown version, 403 role…): the browser gets Plant's answer as it was. */
    public static final class PlantRefusal extends RuntimeException {

        private final transient PlantClient.Reply reply;

        PlantRefusal(PlantClient.Reply reply) {
            super("Plant answered " + reply.status());
            this.reply = reply;
        }

        public PlantClient.Reply reply() {
            return reply;
        }
    }
}
