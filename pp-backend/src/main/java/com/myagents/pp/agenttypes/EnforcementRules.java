package com.myagents.pp.agenttypes;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Enforcement defaults must be there, approval can never be switched off (every action an agent
 * proposes is an external side effect), a trading definition stays deterministic, and the
 * metering numbers are stated ({@link MeteringRules}).
 */
final class EnforcementRules {

    private EnforcementRules() {
    }

    static void check(JsonNode definition, boolean trading, List<Finding> findings) {
        JsonNode defaults = definition.path("enforcement_defaults");
        if (!defaults.isObject() || defaults.isEmpty()) {
            findings.add(new Finding("/enforcement_defaults", "is required: the approval, trial and budget rules "
                    + "Plant enforces for this agent type"));
            return;
        }
        JsonNode approval = defaults.path("approval_required");
        if (!approval.isBoolean() || !approval.asBoolean()) {
            findings.add(new Finding("/enforcement_defaults/approval_required", "must be true: publish, post, send, "
                    + "place_order and close_position are external side effects and always need the customer's approval"));
        }
        if (trading) {
            JsonNode deterministic = defaults.path("deterministic");
            if (!deterministic.isBoolean() || !deterministic.asBoolean()) {
                findings.add(new Finding("/enforcement_defaults/deterministic", "must stay true for a trading "
                        + "definition: trading goal runs call no model, the same inputs give the same plan"));
            }
        }
        GoalTemplateRules.actions(defaults.path("trial_allowed_actions"), "/enforcement_defaults/trial_allowed_actions",
                findings);
        GoalTemplateRules.actions(defaults.path("trial_dry_run_actions"), "/enforcement_defaults/trial_dry_run_actions",
                findings);
        MeteringRules.check(definition, defaults, findings);
    }
}
