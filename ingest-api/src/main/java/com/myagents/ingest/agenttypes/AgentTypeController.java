package com.myagents.ingest.agenttypes;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.problem.ApiProblem;
import com.myagents.ingest.identity.Caller;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Agent type definitions: everyone reads published versions; operators see drafts; admins
 * create, edit and publish them (PP's Agent Management calls these through the gateway); a publish
 * also needs PP's review receipt for exactly that version.
 */
@RestController
@RequestMapping("/api/v1/agent-types")
class AgentTypeController {

    private final AgentTypeRepository repository;
    private final AgentTypeAuthoring authoring;

    AgentTypeController(AgentTypeRepository repository, AgentTypeAuthoring authoring) {
        this.repository = repository;
        this.authoring = authoring;
    }

    @GetMapping
    Map<String, List<AgentTypeDefinition>> list() {
        return Map.of("agent_types", repository.latestPublished());
    }

    @GetMapping("/{agent_type_id}")
    AgentTypeDefinition get(@PathVariable("agent_type_id") String agentTypeId,
                            @RequestParam(name = "version", required = false) String version,
                            HttpServletRequest http) {
        Caller caller = Caller.of(http);
        if (version == null) {
            return repository.latestPublished(agentTypeId)
                    .orElseThrow(() -> ApiProblem.notFound("agent type " + agentTypeId));
        }
        if (!SemVer.valid(version)) {
            throw ApiProblem.badRequest("version", "must be a semantic version such as 1.0.0");
        }
        // Customers may read any version that ever left draft (their instance may pin an old one).
        return repository.find(agentTypeId, version)
                .filter(d -> caller.isOperator() || !d.draft())
                .orElseThrow(() -> ApiProblem.notFound("agent type " + agentTypeId + " " + version));
    }

    @GetMapping("/{agent_type_id}/versions")
    Map<String, List<AgentTypeDefinition>> versions(@PathVariable("agent_type_id") String agentTypeId,
                                                    HttpServletRequest http) {
        if (!Caller.of(http).isOperator()) {
            throw ApiProblem.notFound("agent type versions");
        }
        return Map.of("versions", repository.versions(agentTypeId));
    }

    @PostMapping("/{agent_type_id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    AgentTypeDefinition createDraft(@PathVariable("agent_type_id") String agentTypeId,
                                    @RequestBody(required = false) DefinitionDraft body, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        caller.requireOperatorRole("admin");
        return authoring.createDraft(agentTypeId, body, caller.id());
    }

    @PutMapping("/{agent_type_id}/versions/{version}")
    AgentTypeDefinition editDraft(@PathVariable("agent_type_id") String agentTypeId,
                                  @PathVariable("version") String version,
                                  @RequestBody DefinitionDraft body, HttpServletRequest http) {
        Caller.of(http).requireOperatorRole("admin");
        return authoring.editDraft(agentTypeId, version, body);
    }

    @PostMapping("/{agent_type_id}/versions/{version}/publish")
    AgentTypeDefinition publish(@PathVariable("agent_type_id") String agentTypeId,
                                @PathVariable("version") String version,
                                @RequestBody(required = false) PublishCommand body, HttpServletRequest http) {
        Caller.of(http).requireOperatorRole("admin");
        return authoring.publish(agentTypeId, version, body == null ? null : body.reviewReceipt());
    }
}
