package com.myagents.pp.agenttypes;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Goal templates: at least one; unique ids; a skill the goal runner knows (trading definitions bind
 * only trading skills, which are deterministic); a default frequency among the allowed ones, all
 * of them Phase-1 frequencies; proposed actions Plant enforces; a valid settings schema with UI hints.
 */
final class GoalTemplateRules {

    static final Set<String> SKILLS = Set.of("marketing.draft_multichannel_batch", "marketing.draft_education_micropost",
            "marketing.draft_campaign_pack", "trading.build_trade_intent", "trading.propose_close_position",
            "trading.report_guardrails");
    static final Set<String> FREQUENCIES = Set.of("daily", "weekly", "monthly", "on_demand");
    /** Every action with an external side effect; enforcement knows no other. */
    static final Set<String> EXTERNAL_ACTIONS = Set.of("publish", "post", "send", "place_order", "close_position");

    private GoalTemplateRules() {
    }

    static void check(JsonNode definition, boolean trading, UiHintRules hints, List<Finding> findings) {
        JsonNode templates = definition.path("goal_templates");
        if (!templates.isArray() || templates.isEmpty()) {
            findings.add(new Finding("/goal_templates", "needs at least one goal template: an instance cannot be "
                    + "finalized without a goal"));
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            JsonNode template = templates.get(i);
            String at = "/goal_templates/" + i;
            String id = template.path("goal_template_id").asString("");
            if (id.isBlank()) {
                findings.add(new Finding(at + "/goal_template_id", "is required"));
            } else if (!ids.add(id)) {
                findings.add(new Finding(at + "/goal_template_id", "duplicates goal template " + id
                        + "; goal template ids must be unique"));
            }
            skill(template, at, trading, findings);
            frequencies(template, at, findings);
            actions(template.path("proposed_actions"), at + "/proposed_actions", findings);
            List<Finding> schema = SchemaRules.check(at + "/settings_schema", template.path("settings_schema"));
            findings.addAll(schema);
            if (schema.isEmpty()) {
                JsonNode settings = template.path("settings_schema");
                hints.check(settings, FieldTypes.resolve(settings, settings), at + "/settings_schema",
                        template.path("ui_hints"), at + "/ui_hints");
            }
        }
    }

    private static void skill(JsonNode template, String at, boolean trading, List<Finding> findings) {
        String skill = template.path("skill_binding").asString("");
        if (!SKILLS.contains(skill)) {
            findings.add(new Finding(at + "/skill_binding", (skill.isBlank() ? "is required" : skill + " is not a known skill")
                    + "; known skills: " + SKILLS.stream().sorted().toList()));
        } else if (trading && !skill.startsWith("trading.")) {
            findings.add(new Finding(at + "/skill_binding", "a trading definition binds only deterministic trading "
                    + "skills, not " + skill));
        }
    }

    private static void frequencies(JsonNode template, String at, List<Finding> findings) {
        JsonNode allowed = template.path("allowed_frequencies");
        Set<String> listed = new LinkedHashSet<>();
        if (!allowed.isArray() || allowed.isEmpty()) {
            findings.add(new Finding(at + "/allowed_frequencies", "must list at least one of "
                    + FREQUENCIES.stream().sorted().toList()));
        } else {
            for (int j = 0; j < allowed.size(); j++) {
                String frequency = allowed.get(j).asString("");
                if (!FREQUENCIES.contains(frequency)) {
                    findings.add(new Finding(at + "/allowed_frequencies/" + j, "must be one of "
                            + FREQUENCIES.stream().sorted().toList()));
                } else if (!listed.add(frequency)) {
                    findings.add(new Finding(at + "/allowed_frequencies/" + j, "lists " + frequency + " twice"));
                }
            }
        }
        String fallback = template.path("default_frequency").asString("");
        if (!listed.contains(fallback)) {
            findings.add(new Finding(at + "/default_frequency", (fallback.isBlank() ? "is required" : fallback
                    + " is not") + " one of the allowed frequencies " + List.copyOf(listed)));
        }
    }

    static void actions(JsonNode actions, String at, List<Finding> findings) {
        if (actions.isMissingNode() || actions.isNull()) {
            return;
        }
        if (!actions.isArray()) {
            findings.add(new Finding(at, "must be a list of actions"));
            return;
        }
        for (int j = 0; j < actions.size(); j++) {
            if (!EXTERNAL_ACTIONS.contains(actions.get(j).asString(""))) {
                findings.add(new Finding(at + "/" + j, "must be one of " + EXTERNAL_ACTIONS.stream().sorted().toList()));
            }
        }
    }
}
