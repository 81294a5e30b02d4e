package com.myagents.pp.agenttypes;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What publishing a version would mean: whether it passes every guardrail ({@code valid}), what
 * does not ({@code errors}), what it breaks compared with {@code compared_with} (the previous
 * published version, {@code null} for a first version) and which configured hired agents would
 * stop being configured ({@code affected_instances}, as Plant computes readiness, out of
 * {@code instances_checked}); {@code definition_hash} names the exact content reviewed.
 */
public record ValidationReport(
        String agentTypeId,
        String version,
        String status,
        boolean valid,
        List<Finding> errors,
        String comparedWith,
        List<BreakingChange> breakingChanges,
        List<JsonNode> affectedInstances,
        int instancesChecked,
        String definitionHash) {

    public boolean breaking() {
        return !breakingChanges.isEmpty();
    }
}
