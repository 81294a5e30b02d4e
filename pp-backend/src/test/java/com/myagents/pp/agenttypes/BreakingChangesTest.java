package com.myagents.pp.agenttypes;

import static com.myagents.pp.agenttypes.SeededDefinitions.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.myagents.pp.agenttypes.BreakingChange.Kind;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class BreakingChangesTest {

    @Test
    void theSameDefinitionBreaksNothingAndWideningIsFine() {
        ObjectNode candidate = SeededDefinitions.marketing();
        ((ArrayNode) schema(candidate).get("properties").get("theme").get("enum")).add("violet");
        ((ArrayNode) schema(candidate).get("required")).remove(9);

        assertThat(BreakingChanges.between(SeededDefinitions.marketing(), SeededDefinitions.marketing())).isEmpty();
        assertThat(BreakingChanges.between(SeededDefinitions.marketing(), candidate)).isEmpty();
    }

    @Test
    void aRemovedRequiredFieldIsBreaking() {
        ObjectNode candidate = SeededDefinitions.marketing();
        ((ObjectNode) schema(candidate).get("properties")).remove("location");
        schema(candidate).set("required", json("[\"nickname\",\"theme\",\"primary_language\",\"timezone\",\"brand_name\","
                + "\"offerings\",\"platforms_enabled\",\"platform_credentials\",\"review_policy\"]"));

        assertThat(BreakingChanges.between(SeededDefinitions.marketing(), candidate)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.REMOVED_REQUIRED_FIELD);
            assertThat(c.path()).isEqualTo("/config_schema/properties/location");
            assertThat(c.message()).contains("location");
        });
    }

    @Test
    void aNewRequiredFieldIsBreakingAlsoInsideAnObject() {
        ObjectNode candidate = SeededDefinitions.trading();
        ((ArrayNode) schema(candidate).get("properties").get("risk_limits").get("required")).add("max_notional_inr");
        ((ObjectNode) schema(candidate).get("properties")).set("website", json("{\"type\":\"string\"}"));
        ((ArrayNode) schema(candidate).get("required")).add("website");

        List<BreakingChange> changes = BreakingChanges.between(SeededDefinitions.trading(), candidate);

        assertThat(changes).extracting(BreakingChange::kind).containsOnly(Kind.NEW_REQUIRED_FIELD);
        assertThat(changes).extracting(BreakingChange::path).containsExactlyInAnyOrder("/config_schema/required",
                "/config_schema/properties/risk_limits/required");
        assertThat(changes).extracting(BreakingChange::message).anyMatch(m -> m.contains("risk_limits.max_notional_inr"));
    }

    @Test
    void aNarrowedEnumIsBreakingWhereverTheValuesAreListed() {
        ObjectNode candidate = SeededDefinitions.marketing();
        ((ObjectNode) schema(candidate).get("properties").get("theme")).set("enum", json("[\"teal\",\"indigo\"]"));
        ((ObjectNode) schema(candidate).get("$defs").get("platform")).set("enum", json("[\"x\",\"linkedin\"]"));

        List<BreakingChange> changes = BreakingChanges.between(SeededDefinitions.marketing(), candidate);

        assertThat(changes).extracting(BreakingChange::kind).containsOnly(Kind.NARROWED_ENUM);
        assertThat(changes).extracting(BreakingChange::path).containsExactlyInAnyOrder(
                "/config_schema/properties/theme", "/config_schema/properties/platforms_enabled/items");
        assertThat(changes.get(0).message()).contains("\"amber\"", "\"rose\"");
    }

    @Test
    void aRemovedGoalTemplateAndANewlyRequiredSettingAreBreaking() {
        ObjectNode candidate = SeededDefinitions.marketing();
        ((ArrayNode) candidate.get("goal_templates")).remove(2);
        ((ArrayNode) candidate.get("goal_templates").get(0).get("settings_schema").get("required")).add("tone");

        List<BreakingChange> changes = BreakingChanges.between(SeededDefinitions.marketing(), candidate);

        assertThat(changes).extracting(BreakingChange::kind)
                .containsExactlyInAnyOrder(Kind.NEW_REQUIRED_FIELD, Kind.REMOVED_GOAL_TEMPLATE);
        assertThat(changes).extracting(BreakingChange::path)
                .containsExactlyInAnyOrder("/goal_templates/0/settings_schema/required", "/goal_templates");
        assertThat(changes).extracting(BreakingChange::message).anyMatch(m -> m.contains("marketing.monthly_campaign_pack"));
        assertThat(Kind.NARROWED_ENUM.code()).isEqualTo("narrowed_enum");
    }

    private static ObjectNode schema(ObjectNode definition) {
        return (ObjectNode) definition.get("config_schema");
    }
}
