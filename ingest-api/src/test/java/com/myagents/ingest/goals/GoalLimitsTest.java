package com.myagents.ingest.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.serde.EventJson;
import com.myagents.http.problem.Violation;

import tools.jackson.databind.JsonNode;

class GoalLimitsTest {

    private static JsonNode json(String text) {
        return EventJson.MAPPER.readTree(text);
    }

    private static final JsonNode TRADING = json("""
            {"allowed_coins": ["BTC", "ETH"], "risk_limits": {"max_units_per_order": 2}}""");

    private static final JsonNode MARKETING = json("""
            {"platforms_enabled": ["linkedin", "x"]}""");

    @Test
    void refusesUnitsOverTheAgentsMaxUnitsPerOrderNamingTheLimit() {
        List<Violation> problems = GoalLimits.violations(TRADING, json("{\"coin\": \"BTC\", \"units\": 5}"));

        assertThat(problems).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/settings/units");
            assertThat(v.message()).contains("at most 2").contains("max units per order");
        });
    }

    @Test
    void acceptsUnitsWithinTheLimit() {
        assertThat(GoalLimits.violations(TRADING, json("{\"coin\": \"ETH\", \"units\": 2}"))).isEmpty();
    }

    @Test
    void refusesACoinTheAgentMayNotTrade() {
        assertThat(GoalLimits.violations(TRADING, json("{\"coin\": \"DOGE\", \"units\": 1}")))
                .extracting(Violation::pointer).containsExactly("/settings/coin");
    }

    @Test
    void refusesPlatformsTheAgentDoesNotHaveEnabledWithTheReason() {
        List<Violation> problems = GoalLimits.violations(MARKETING, json("{\"platforms\": [\"x\", \"instagram\"]}"));

        assertThat(problems).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/settings/platforms/1");
            assertThat(v.message()).contains("\"instagram\" is not enabled for this agent");
        });
    }

    @Test
    void anEmptyPlatformListMeansAllEnabledOnesAndIsAccepted() {
        assertThat(GoalLimits.violations(MARKETING, json("{\"platforms\": []}"))).isEmpty();
    }

    @Test
    void checksNothingWithoutAConfig() {
        assertThat(GoalLimits.violations(null, json("{\"units\": 99}"))).isEmpty();
        assertThat(GoalLimits.violations(TRADING, null)).isEmpty();
    }
}
