package com.myagents.pp.agenttypes;

import static com.myagents.pp.agenttypes.SeededDefinitions.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each guardrail on its own: the seeded definitions pass, and one break is reported where it is. */
class GuardrailsTest {

    @Test
    void theSeededMarketingAndTradingDefinitionsPassEveryGuardrail() {
        assertThat(Guardrails.check(SeededDefinitions.marketing())).isEmpty();
        assertThat(Guardrails.check(SeededDefinitions.trading())).isEmpty();
    }

    @Test
    void aConfigSchemaTheMetaSchemaRefusesIsReportedAtTheBrokenKeyword() {
        ObjectNode definition = SeededDefinitions.marketing();
        properties(definition).set("nickname", json("{\"type\":\"strin\",\"minLength\":-1}"));

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).contains("/config_schema/properties/nickname/type",
                "/config_schema/properties/nickname/minLength");
        assertThat(findings).allMatch(f -> !f.message().isBlank());
    }

    @Test
    void aSchemaOfAnotherDialectIsNotAccepted() {
        ObjectNode definition = SeededDefinitions.marketing();
        ((ObjectNode) definition.get("config_schema")).put("$schema", "http://json-schema.org/draft-07/schema#");

        assertOnlyFinding(definition, "/config_schema/$schema", "2020-12");
    }

    @Test
    void aReferenceThatLeadsNowhereIsReportedWhereItIs() {
        ObjectNode definition = SeededDefinitions.marketing();
        properties(definition).set("timezone", json("{\"$ref\":\"#/$defs/time_zone\"}"));

        assertOnlyFinding(definition, "/config_schema/properties/timezone/$ref", "points to nothing",
                "#/$defs/time_zone");
    }

    @Test
    void aConfigMustBeAnObject() {
        ObjectNode definition = SeededDefinitions.marketing();
        definition.set("config_schema", json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
        definition.set("ui_hints", json("{}"));

        assertThat(Guardrails.check(definition)).extracting(Finding::path).containsExactly("/config_schema/type");
        definition.set("config_schema", json("[]"));
        assertThat(Guardrails.check(definition)).extracting(Finding::path).containsExactly("/config_schema");
    }

    @Test
    void everyConfigFieldNeedsUiHints() {
        ObjectNode definition = SeededDefinitions.marketing();
        ((ObjectNode) definition.get("ui_hints")).remove("brand_name");

        assertOnlyFinding(definition, "/ui_hints/brand_name", "brand_name", "no UI hints");
    }

    @Test
    void aWidgetMustFitTheFieldsType() {
        ObjectNode definition = SeededDefinitions.marketing();
        hint(definition, "offerings").put("widget", "text");
        hint(definition, "theme").put("widget", "slider");

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).containsExactlyInAnyOrder("/ui_hints/offerings/widget", "/ui_hints/theme/widget");
        assertThat(message(findings, "/ui_hints/offerings/widget")).contains("text", "array", "[list]");
        assertThat(message(findings, "/ui_hints/theme/widget")).contains("must be one of");
    }

    @Test
    void theWidgetOfAReferencedOrConstantFieldFitsTheTypeBehindIt() {
        ObjectNode definition = SeededDefinitions.trading();
        hint(definition, "exchange_credential_ref").put("widget", "number");
        hint(definition, "execution_policy").put("widget", "boolean");

        List<Finding> findings = Guardrails.check(definition);

        assertThat(message(findings, "/ui_hints/exchange_credential_ref/widget")).contains("of type string");
        assertThat(message(findings, "/ui_hints/execution_policy/widget")).contains("of type string");
    }

    @Test
    void aPatternFieldTheCustomerTypesMustSayWhatItExpects() {
        ObjectNode definition = SeededDefinitions.trading();
        ObjectNode coins = (ObjectNode) definition.get("ui_hints").get("allowed_coins");
        coins.remove("pattern_help");
        coins.remove("examples");

        assertOnlyFinding(definition, "/ui_hints/allowed_coins", "pattern_help", "examples");
        coins.set("examples", json("[\"BTC\"]"));
        assertThat(Guardrails.check(definition)).isEmpty();
    }

    @Test
    void anEnumWidgetNeedsOptions() {
        ObjectNode definition = SeededDefinitions.marketing();
        properties(definition).set("mood", json("{\"type\":\"string\"}"));
        ((ObjectNode) definition.get("ui_hints")).set("mood", json("{\"label\":\"Mood\",\"widget\":\"enum\"}"));

        assertOnlyFinding(definition, "/ui_hints/mood", "no options", "options_from");
    }

    @Test
    void optionsFromMustPointToAListFieldOfTheConfig() {
        ObjectNode definition = SeededDefinitions.trading();
        hint(definition, "default_coin").put("options_from", "/default_coin");
        ((ObjectNode) ((ObjectNode) definition.get("goal_templates").get(0).get("ui_hints")).get("coin"))
                .put("options_from", "/coins_nobody_has");

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).containsExactlyInAnyOrder("/ui_hints/default_coin/options_from",
                "/goal_templates/0/ui_hints/coin/options_from");
        assertThat(message(findings, "/ui_hints/default_coin/options_from")).contains("list field", "/default_coin");
    }

    @Test
    void hintsOfAnObjectFieldCoverItsOwnFieldsAndNameNoMissingField() {
        ObjectNode definition = SeededDefinitions.marketing();
        ((ObjectNode) hint(definition, "constraints").get("fields")).remove("max_length");
        ((ObjectNode) definition.get("ui_hints")).set("ghost", json("{\"label\":\"Ghost\",\"widget\":\"text\"}"));

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).containsExactlyInAnyOrder("/ui_hints/constraints/fields/max_length", "/ui_hints/ghost");
        assertThat(message(findings, "/ui_hints/ghost")).contains("names no field");
    }

    @Test
    void aFieldWithoutAnyTypeCannotGetAWidget() {
        ObjectNode definition = SeededDefinitions.marketing();
        properties(definition).set("notes", json("{\"description\":\"free\"}"));
        ((ObjectNode) definition.get("ui_hints")).set("notes", json("{\"label\":\"Notes\",\"widget\":\"text\"}"));

        assertOnlyFinding(definition, "/config_schema/properties/notes", "declares no type");
    }

    @Test
    void goalTemplateIdsAreUniqueAndSkillsKnown() {
        ObjectNode definition = SeededDefinitions.marketing();
        template(definition, 1).put("goal_template_id", "marketing.weekly_multichannel_batch");
        template(definition, 2).put("skill_binding", "marketing.write_anything");
        template(definition, 0).remove("skill_binding");

        List<Finding> findings = Guardrails.check(definition);

        // the renamed template's price now names no template: reported too
        assertThat(paths(findings)).containsExactlyInAnyOrder("/goal_templates/1/goal_template_id",
                "/goal_templates/2/skill_binding", "/goal_templates/0/skill_binding",
                "/enforcement_defaults/goal_run_costs_minor/marketing.daily_education_micropost");
        assertThat(message(findings, "/goal_templates/1/goal_template_id")).contains("duplicates");
        assertThat(message(findings, "/goal_templates/2/skill_binding")).contains("not a known skill",
                "marketing.draft_campaign_pack");
    }

    @Test
    void frequenciesArePhaseOneOnesAndTheDefaultIsAllowed() {
        ObjectNode definition = SeededDefinitions.marketing();
        template(definition, 0).set("allowed_frequencies", json("[\"weekly\",\"hourly\",\"weekly\"]"));
        template(definition, 1).put("default_frequency", "weekly");
        template(definition, 2).set("allowed_frequencies", json("[]"));

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).containsExactlyInAnyOrder("/goal_templates/0/allowed_frequencies/1",
                "/goal_templates/0/allowed_frequencies/2", "/goal_templates/1/default_frequency",
                "/goal_templates/2/allowed_frequencies", "/goal_templates/2/default_frequency");
        assertThat(message(findings, "/goal_templates/1/default_frequency")).contains("weekly is not", "[daily]");
    }

    @Test
    void goalSettingsAreValidSchemasWithHintsAndProposeOnlyKnownActions() {
        ObjectNode definition = SeededDefinitions.marketing();
        ((ObjectNode) template(definition, 0).get("settings_schema").get("properties").get("posts_per_week"))
                .put("maximum", "fourteen");
        ((ObjectNode) template(definition, 1).get("ui_hints")).remove("topics");
        template(definition, 2).set("proposed_actions", json("[\"publish\",\"tweet\"]"));

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).containsExactlyInAnyOrder(
                "/goal_templates/0/settings_schema/properties/posts_per_week/maximum",
                "/goal_templates/1/ui_hints/topics", "/goal_templates/2/proposed_actions/1");
    }

    @Test
    void aDefinitionNeedsAtLeastOneGoalTemplate() {
        ObjectNode definition = SeededDefinitions.marketing();
        definition.set("goal_templates", json("[]"));
        ((ObjectNode) definition.get("enforcement_defaults")).remove("goal_run_costs_minor");

        assertThat(Guardrails.check(definition)).extracting(Finding::path).containsExactly("/goal_templates");
    }

    @Test
    void approvalCannotBeSwitchedOffAndEnforcementDefaultsMustExist() {
        ObjectNode off = SeededDefinitions.marketing();
        ((ObjectNode) off.get("enforcement_defaults")).put("approval_required", false);
        ObjectNode none = SeededDefinitions.marketing();
        none.remove("enforcement_defaults");

        assertOnlyFinding(off, "/enforcement_defaults/approval_required", "external side effects");
        assertThat(Guardrails.check(none)).extracting(Finding::path).containsExactly("/enforcement_defaults");
    }

    @Test
    void theNumbersEnforcementMetersWithMustBeStatedAndPricesMustNameRealItems() {
        ObjectNode definition = SeededDefinitions.marketing();
        ObjectNode defaults = (ObjectNode) definition.get("enforcement_defaults");
        // the 1.0.0 shape before metering: drafts were "capped", goal runs and spend were not
        defaults.set("trial_caps", json("{\"actions_per_day\":5,\"drafts_per_day\":20}"));
        defaults.put("budget_minor_per_month", -1);
        defaults.set("action_costs_minor", json("{\"publish\":100,\"teleport\":5}"));
        defaults.set("goal_run_costs_minor", json("{\"marketing.daily_education_micropost\":2.5,\"made.up\":10}"));

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).containsExactlyInAnyOrder(
                "/enforcement_defaults/trial_caps/goal_runs_per_day", "/enforcement_defaults/trial_caps/cost_minor_per_day",
                "/enforcement_defaults/budget_minor_per_month", "/enforcement_defaults/action_costs_minor/teleport",
                "/enforcement_defaults/goal_run_costs_minor/marketing.daily_education_micropost",
                "/enforcement_defaults/goal_run_costs_minor/made.up");
        assertThat(message(findings, "/enforcement_defaults/trial_caps/goal_runs_per_day")).contains("reads a missing one as 0");
        assertThat(message(findings, "/enforcement_defaults/goal_run_costs_minor/made.up")).contains("goal template of this definition");
        ObjectNode noCaps = SeededDefinitions.trading();
        ((ObjectNode) noCaps.get("enforcement_defaults")).remove("trial_caps");
        assertThat(paths(Guardrails.check(noCaps))).containsExactly("/enforcement_defaults/trial_caps");
    }

    @Test
    void aDefinitionCannotOfferAPlatformNoConnectorAndNoManualPublishingReaches() {
        ObjectNode definition = SeededDefinitions.marketing();
        ObjectNode publishing = (ObjectNode) definition.get("enforcement_defaults").get("publishing");
        publishing.remove("whatsapp");
        publishing.put("youtube", "connector");
        publishing.put("x", "carrier_pigeon");
        ObjectNode platform = (ObjectNode) definition.get("config_schema").get("$defs").get("platform");
        ((tools.jackson.databind.node.ArrayNode) platform.get("enum")).add("myspace");

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).containsExactlyInAnyOrder("/enforcement_defaults/publishing/whatsapp",
                "/enforcement_defaults/publishing/youtube", "/enforcement_defaults/publishing/x",
                "/enforcement_defaults/publishing/myspace");
        assertThat(message(findings, "/enforcement_defaults/publishing/youtube")).contains("no connector publishes to YouTube");
        assertThat(message(findings, "/enforcement_defaults/publishing/whatsapp")).contains("manual");
        assertThat(message(findings, "/enforcement_defaults/publishing/myspace")).contains("no platform Plant can publish to");
    }

    @Test
    void aPlatformOfferedOnlyByAGoalsSettingsNeedsAPublishingMethodToo() {
        ObjectNode definition = SeededDefinitions.marketing();
        ((ObjectNode) definition.get("enforcement_defaults").get("publishing")).remove("facebook");
        ObjectNode items = (ObjectNode) template(definition, 0).get("settings_schema").get("properties").get("platforms")
                .get("items");
        ((tools.jackson.databind.node.ArrayNode) items.get("enum")).add("facebook");

        assertThat(paths(Guardrails.check(definition))).containsExactly("/enforcement_defaults/publishing/facebook");
    }

    @Test
    void tradingDefinitionsStayDeterministicAndBindOnlyTradingSkills() {
        ObjectNode definition = SeededDefinitions.trading();
        ((ObjectNode) definition.get("enforcement_defaults")).put("deterministic", false);
        ((ObjectNode) definition.get("enforcement_defaults")).set("trial_dry_run_actions", json("[\"place_order\",\"yolo\"]"));
        template(definition, 2).put("skill_binding", "marketing.draft_campaign_pack");

        List<Finding> findings = Guardrails.check(definition);

        assertThat(paths(findings)).containsExactlyInAnyOrder("/enforcement_defaults/deterministic",
                "/enforcement_defaults/trial_dry_run_actions/1", "/goal_templates/2/skill_binding");
        assertThat(message(findings, "/goal_templates/2/skill_binding")).contains("deterministic trading skills");
        ObjectNode marketing = SeededDefinitions.marketing();
        ((ObjectNode) marketing.get("enforcement_defaults")).put("deterministic", false);
        assertThat(Guardrails.check(marketing)).isEmpty();
    }

    private static ObjectNode properties(ObjectNode definition) {
        return (ObjectNode) definition.get("config_schema").get("properties");
    }

    private static ObjectNode hint(ObjectNode definition, String field) {
        return (ObjectNode) definition.get("ui_hints").get(field);
    }

    private static ObjectNode template(ObjectNode definition, int index) {
        return (ObjectNode) ((ArrayNode) definition.get("goal_templates")).get(index);
    }

    private static List<String> paths(List<Finding> findings) {
        return findings.stream().map(Finding::path).toList();
    }

    private static String message(List<Finding> findings, String path) {
        return findings.stream().filter(f -> f.path().equals(path)).map(Finding::message).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + path + " in " + findings));
    }

    /** The definition has exactly one finding: at {@code path}, its message naming every word given. */
    private static void assertOnlyFinding(ObjectNode definition, String path, String... words) {
        assertThat(Guardrails.check(definition)).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(path);
            assertThat(f.message()).contains(words);
        });
    }
}
