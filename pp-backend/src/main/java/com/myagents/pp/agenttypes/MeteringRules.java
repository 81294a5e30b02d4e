package com.myagents.pp.agenttypes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The numbers enforcement meters with must be stated, as whole minor units or counts, never below
 * zero: a trial's daily caps (actions, goal runs, spend) and the monthly budget. Enforcement reads
 * an absent number as zero, which allows nothing that costs, so a definition that forgot one would
 * deny its customers silently. Prices are optional (unlisted costs nothing) but must name real
 * actions and this definition's goal templates.
 */
final class MeteringRules {

    static final List<String> TRIAL_CAPS = List.of("actions_per_day", "goal_runs_per_day", "cost_minor_per_day");

    private MeteringRules() {
    }

    static void check(JsonNode definition, JsonNode defaults, List<Finding> findings) {
        if (defaults.path("trial_days").asInt(0) > 0) {
            JsonNode caps = defaults.path("trial_caps");
            if (!caps.isObject()) {
                findings.add(new Finding("/enforcement_defaults/trial_caps", "is required with trial_days: "
                        + String.join(", ", TRIAL_CAPS)));
            } else {
                for (String cap : TRIAL_CAPS) {
                    count(caps.path(cap), "/enforcement_defaults/trial_caps/" + cap, findings);
                }
            }
        }
        count(defaults.path("budget_minor_per_month"), "/enforcement_defaults/budget_minor_per_month", findings);
        prices(defaults.path("action_costs_minor"), "/enforcement_defaults/action_costs_minor",
                GoalTemplateRules.EXTERNAL_ACTIONS, "an external action", findings);
        Set<String> templates = new HashSet<>();
        definition.path("goal_templates").forEach(t -> templates.add(t.path("goal_template_id").asString("")));
        prices(defaults.path("goal_run_costs_minor"), "/enforcement_defaults/goal_run_costs_minor", templates,
                "a goal template of this definition", findings);
    }

    private static void count(JsonNode value, String at, List<Finding> findings) {
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            findings.add(new Finding(at, "is required: a whole number, 0 or more (enforcement reads a missing one as 0)"));
        }
    }

    private static void prices(JsonNode prices, String at, Set<String> known, String what, List<Finding> findings) {
        if (prices.isMissingNode() || prices.isNull()) {
            return;
        }
        if (!prices.isObject()) {
            findings.add(new Finding(at, "must map each item to its price in minor units"));
            return;
        }
        for (Map.Entry<String, JsonNode> price : prices.properties()) {
            String itemAt = at + "/" + price.getKey();
            if (!known.contains(price.getKey())) {
                findings.add(new Finding(itemAt, "must be " + what));
            }
            if (!price.getValue().isIntegralNumber() || price.getValue().asLong() < 0) {
                findings.add(new Finding(itemAt, "must be a price in whole minor units, 0 or more"));
            }
        }
    }
}
