package com.myagents.ingest.ops;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** What publishing a version would do to the hired agents of its type, before anyone publishes it. */
@RestController
class OpsAgentTypeController {

    private final ImpactAnalysis impact;

    OpsAgentTypeController(ImpactAnalysis impact) {
        this.impact = impact;
    }

    @GetMapping("/api/v1/ops/agent-types/{agent_type_id}/versions/{version}/impact")
    ImpactAnalysis.Impact impact(@PathVariable("agent_type_id") String agentTypeId,
                                 @PathVariable("version") String version, HttpServletRequest http) {
        OperatorViews.SUPPORT.require(http);
        return impact.of(agentTypeId, version);
    }
}
