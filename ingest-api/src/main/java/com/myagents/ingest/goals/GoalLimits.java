package com.myagents.ingest.goals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.myagents.http.problem.Violation;

import tools.jackson.databind.JsonNode;

/**
 * A goal's settings checked against what the agent itself is configured to do: a trade size
 * within its risk limit, coins it may trade, platforms it has enabled. The template's schema
 * cannot know these; a goal that breaks them would only draft plans that fail their risk checks
 * or runs that never publish, so it is refused when saved, naming the limit.
 */
final class GoalLimits {

    private GoalLimits() {
    }

    /** Violations with pointers into the goal request ({@code /settings/...}). */
    static List<Violation> violations(JsonNode config, JsonNode settings) {
        List<Violation> problems = new ArrayList<>();
        if (config == null || settings == null || !settings.isObject()) {
            return problems;
        }
        checkUnits(config, settings, problems);
        checkCoin(config, settings, problems);
        checkPlatforms(config, settings, problems);
        return problems;
    }

    private static void checkUnits(JsonNode config, JsonNode settings, List<Violation> problems) {
        JsonNode max = config.path("risk_limits").path("max_units_per_order");
        JsonNode units = settings.path("units");
        if (max.isNumber() && units.isNumber() && units.decimalValue().compareTo(max.decimalValue()) > 0) {
            problems.add(new Violation("/settings/units", "must be at most " + max.asString()
                    + ", the agent's max units per order (change it under Configure › Risk limits)"));
        }
    }

    private static void checkCoin(JsonNode config, JsonNode settings, List<Violation> problems) {
        Set<String> allowed = texts(config.path("allowed_coins"));
        JsonNode coin = settings.path("coin");
        if (!allowed.isEmpty() && coin.isString() && !allowed.contains(coin.asString())) {
            problems.add(new Violation("/settings/coin", "must be one of the agent's allowed coins " + allowed));
        }
    }

    private static void checkPlatforms(JsonNode config, JsonNode settings, List<Violation> problems) {
        JsonNode enabledNode = config.path("platforms_enabled");
        if (!enabledNode.isArray()) {
            return;
        }
        Set<String> enabled = texts(enabledNode);
        JsonNode platforms = settings.path("platforms");
        if (platforms.isArray()) {
            for (int i = 0; i < platforms.size(); i++) {
                String platform = platforms.get(i).asString("");
                if (!enabled.contains(platform)) {
                    problems.add(new Violation("/settings/platforms/" + i, notEnabled(platform)));
                }
            }
        }
        JsonNode platform = settings.path("platform");
        if (platform.isString() && !enabled.contains(platform.asString())) {
            problems.add(new Violation("/settings/platform", notEnabled(platform.asString())));
        }
    }

    private static String notEnabled(String platform) {
        return "\"" + platform + "\" is not enabled for this agent; enable it under Configure or leave it out";
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        if (array.isArray()) {
            array.forEach(node -> {
                if (node.isString()) {
                    values.add(node.asString());
                }
            });
        }
        return values;
    }
}
