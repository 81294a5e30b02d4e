package com.myagents.ingest.agenttypes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;

import com.myagents.http.problem.ApiProblem;
import com.myagents.http.problem.Violation;
import com.myagents.ingest.config.ConfigRules;
import com.myagents.plant.status.AgentTypeStatus;

import tools.jackson.databind.JsonNode;

/**
 * Drafting and publishing versions. Plant keeps the invariants that make a version safe to
 * pin (a schema that compiles, immutability after publish); PP adds the authoring guardrails.
 */
@Service
class AgentTypeAuthoring {

    private final AgentTypeRepository repository;
    private final ConfigRules rules;
    private final ReviewReceiptCheck reviewed;
    private final Clock clock;

    AgentTypeAuthoring(AgentTypeRepository repository, ConfigRules rules, ReviewReceiptCheck reviewed, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.rules = rules;
        this.reviewed = reviewed;
    }

    AgentTypeDefinition createDraft(String agentTypeId, DefinitionDraft body, String operatorId) {
        List<AgentTypeDefinition> versions = repository.versions(agentTypeId);
        if (versions.isEmpty() && (body == null || body.configSchema() == null || body.displayName() == null)) {
            throw ApiProblem.badRequest("config_schema", "a new agent type needs display_name and config_schema");
        }
        AgentTypeDefinition base = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (versions.stream().anyMatch(AgentTypeDefinition::draft)) {
            throw ApiProblem.conflict("agent type " + agentTypeId + " already has a draft version; edit or publish it");
        }
        String version = body != null && body.version() != null ? body.version()
                : base == null ? "1.0.0" : SemVer.parse(base.version()).nextMinor().toString();
        if (!SemVer.valid(version)) {
            throw ApiProblem.badRequest("version", "must be a semantic version such as 1.1.0");
        }
        if (base != null && SemVer.parse(version).compareTo(SemVer.parse(base.version())) <= 0) {
            throw ApiProblem.badRequest("version", "must be greater than the latest version " + base.version());
        }
        AgentTypeDefinition draft = merge(agentTypeId, version, base, body, operatorId);
        repository.insertDraft(draft);
        return draft;
    }

    AgentTypeDefinition editDraft(String agentTypeId, String version, DefinitionDraft body) {
        AgentTypeDefinition current = repository.find(agentTypeId, version)
                .orElseThrow(() -> ApiProblem.notFound("agent type " + agentTypeId + " " + version));
        if (!current.draft()) {
            throw ApiProblem.conflict("agent type " + agentTypeId + " " + version + " is " + current.status()
                    + " and immutable; create a new version");
        }
        AgentTypeDefinition edited = merge(agentTypeId, version, current, body, current.createdBy());
        repository.updateDraft(edited);
        return edited;
    }

    AgentTypeDefinition publish(String agentTypeId, String version, String reviewReceipt) {
        AgentTypeDefinition draft = repository.find(agentTypeId, version)
                .orElseThrow(() -> ApiProblem.notFound("agent type " + agentTypeId + " " + version));
        reviewed.require(reviewReceipt, draft);
        List<Violation> problems = rules.definitionProblems(draft);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(problems);
        }
        if (!repository.publish(agentTypeId, version, OffsetDateTime.now(clock))) {
            throw ApiProblem.conflict("agent type " + agentTypeId + " " + version + " is " + draft.status()
                    + "; only a draft can be published");
        }
        return repository.find(agentTypeId, version).orElseThrow();
    }

    private AgentTypeDefinition merge(String agentTypeId, String version, AgentTypeDefinition base,
                                      DefinitionDraft body, String createdBy) {
        DefinitionDraft b = body == null ? new DefinitionDraft(null, null, null, null, null, null, null, null) : body;
        return new AgentTypeDefinition(agentTypeId, version, AgentTypeStatus.DRAFT.literal(),
                pick(b.displayName(), base == null ? null : base.displayName()),
                pick(b.description(), base == null ? null : base.description()),
                pick(b.configSchema(), base == null ? null : base.configSchema()),
                pickJson(b.uiHints(), base == null ? null : base.uiHints(), "{}"),
                pickJson(b.goalTemplates(), base == null ? null : base.goalTemplates(), "[]"),
                pickJson(b.enforcementDefaults(), base == null ? null : base.enforcementDefaults(), "{}"),
                pickJson(b.extraRules(), base == null ? null : base.extraRules(), "[]"),
                OffsetDateTime.now(clock), createdBy, null);
    }

    private static <T> T pick(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static JsonNode pickJson(JsonNode value, JsonNode fallback, String empty) {
        if (value != null) {
            return value;
        }
        return fallback != null ? fallback : com.myagents.contracts.serde.EventJson.MAPPER.readTree(empty);
    }
}
