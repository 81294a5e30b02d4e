package com.myagents.plant;

import static com.myagents.plant.jooq.generated.Tables.AGENT_TYPE_DEFINITIONS;
import static com.myagents.plant.jooq.generated.Tables.DELIVERABLES;
import static com.myagents.plant.jooq.generated.Tables.HIRED_AGENTS;
import static com.myagents.plant.jooq.generated.Tables.SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.serde.EventJson;
import com.myagents.plant.jooq.generated.DefaultSchema;
import com.myagents.plant.jooq.generated.tables.records.AgentTypeDefinitionsRecord;
import com.myagents.plant.jooq.generated.tables.records.DeliverablesRecord;
import com.myagents.plant.status.AgentTypeStatus;
import com.myagents.plant.status.DeliverableState;
import com.myagents.plant.status.SubscriptionStatus;
import com.myagents.plant.status.TrialStatus;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

class PlantMigrationsTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema META_SCHEMA = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    private static final Set<String> WIDGETS = Set.of("text", "enum", "list", "object", "number", "boolean", "timezone", "credential_ref");
    private static final Set<String> FREQUENCIES = Set.of("daily", "weekly", "monthly", "on_demand");

    @AutoClose
    private static final PlantTestDatabase database = PlantTestDatabase.migrated(true);
    private static final DSLContext dsl = database.dsl();

    static int schemaScripts() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/plant"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void migratesAnEmptyDatabaseIntoEveryTableTheGeneratedCodeKnows() {
        // Given an empty schema, when Flyway migrated it (schema, seed, demo data)
        assertThat(database.migration().success).isTrue();
        // every versioned script of db/plant plus the two demo scripts
        assertThat(database.migration().migrationsExecuted).isEqualTo(schemaScripts() + 2);

        // Then every generated table, with every generated column, is there
        List<String> tables = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            dsl.selectFrom(table).limit(0).fetch();
            tables.add(table.getName());
        }
        assertThat(tables).containsExactlyInAnyOrder("agent_type_definitions", "subscriptions", "hired_agents",
                "goal_instances", "goal_runs", "deliverables", "approvals", "execution_requests",
                "execution_decisions", "enforcement_denials", "execution_results", "outbox",
                "customer_directory", "access_records", "execution_commands", "billing_events", "dead_letters");
    }

    @Test
    void seedsBothPublishedDefinitionsAtVersionOneZeroZero() {
        var definitions = seeded();

        assertThat(definitions).extracting(AgentTypeDefinitionsRecord::getAgentTypeId)
                .containsExactly("marketing.healthcare.v1", "trading.delta_futures.v1");
        assertThat(definitions).allSatisfy(definition -> {
            assertThat(definition.getVersion()).isEqualTo("1.0.0");
            assertThat(definition.getStatus()).isEqualTo(AgentTypeStatus.PUBLISHED);
            assertThat(definition.getPublishedAt()).isNotNull();
        });
    }

    @Test
    void marketingConfigSchemaAcceptsACompleteConfigAndNamesEveryViolation() {
        AgentTypeDefinitionsRecord marketing = definition("marketing.healthcare.v1");
        Schema schema = configSchema(marketing);

        assertThat(schema.validate(json("""
                {"nickname":"Clinic Marketing","theme":"teal","primary_language":"en","timezone":"Asia/Kolkata",
                 "brand_name":"Sunrise Family Clinic","offerings":["Flu shots","Health checkups"],"location":"Pune",
                 "platforms_enabled":["linkedin","x"],
                 "platform_credentials":{"linkedin":{"credential_ref":"cred_li_7f3a9c"},"x":{"credential_ref":"cred_x_19bd02"}},
                 "posting_identity":"@sunriseclinic",
                 "constraints":{"max_length":280,"hashtags":{"max_count":3,"required":["#SunriseClinic"],"banned":["#miracle"]}},
                 "review_policy":"approval_required_per_post"}
                """))).isEmpty();

        List<Error> errors = schema.validate(json("""
                {"nickname":"Clinic Marketing","theme":"teal","primary_language":"en","timezone":"Asia/Kolkata",
                 "offerings":[],"location":"Pune","platforms_enabled":["myspace"],
                 "platform_credentials":{"myspace":{"credential_ref":"cred_1"}},
                 "constraints":{"hashtags":{"required":["nohash"]}},
                 "review_policy":"auto_publish"}
                """));
        assertThat(locations(errors)).contains("'brand_name'", "/offerings ", "/platforms_enabled/0 ",
                "/platform_credentials property 'myspace'", "/constraints/hashtags/required/0 ", "/review_policy ");
    }

    @Test
    void tradingConfigSchemaFixesTheExchangeAndRequiresPositiveRiskLimits() {
        AgentTypeDefinitionsRecord trading = definition("trading.delta_futures.v1");
        Schema schema = configSchema(trading);
        String valid = """
                {"nickname":"Delta Futures Desk","theme":"indigo","timezone":"Asia/Kolkata",
                 "exchange_provider":"delta_exchange_india","exchange_credential_ref":"cred_dx_8841aa",
                 "allowed_coins":["BTC","ETH"],"default_coin":"BTC",
                 "risk_limits":{"max_units_per_order":5%s},
                 "execution_policy":"approval_required_per_trade_action"}
                """;

        assertThat(schema.validate(json(valid.formatted(",\"max_notional_inr\":250000")))).isEmpty();
        assertThat(schema.validate(json(valid.formatted("")))).as("max_notional_inr is optional").isEmpty();

        List<Error> errors = schema.validate(json("""
                {"nickname":"Delta Futures Desk","theme":"indigo","timezone":"Asia/Kolkata",
                 "exchange_provider":"binance","exchange_credential_ref":"cred_dx_8841aa",
                 "allowed_coins":["BTC"],"default_coin":"btc",
                 "risk_limits":{"max_units_per_order":0,"max_notional_inr":0},
                 "execution_policy":"none"}
                """));
        assertThat(locations(errors)).contains("/exchange_provider ", "/default_coin ",
                "/risk_limits/max_units_per_order ", "/risk_limits/max_notional_inr ", "/execution_policy ");
    }

    @Test
    void everyDefinitionIsValidJsonSchemaWithUiHintsForEveryField() {
        for (AgentTypeDefinitionsRecord definition : seeded()) {
            JsonNode config = json(definition.getConfigSchema());
            assertThat(META_SCHEMA.validate(config)).as(definition.getAgentTypeId() + " config_schema").isEmpty();

            JsonNode hints = json(definition.getUiHints());
            assertHintsCover(config, hints, definition.getAgentTypeId());
        }
    }

    @Test
    void everyPlatformTheMarketingDefinitionOffersIsPublishedByAConnectorOrByHand() {
        AgentTypeDefinitionsRecord marketing = definition("marketing.healthcare.v1");
        JsonNode publishing = json(marketing.getEnforcementDefaults()).path("publishing");
        JsonNode offered = json(marketing.getConfigSchema()).path("$defs").path("platform").path("enum");

        assertThat(offered).isNotEmpty();
        for (JsonNode platform : offered) {
            assertThat(publishing.path(platform.asString()).asString()).as(platform.asString()).isIn("connector", "manual");
        }
        assertThat(publishing.path("youtube").asString()).isEqualTo("manual");
        assertThat(json(marketing.getEnforcementDefaults()).path("content_guard").path("banned_claims").toString())
                .contains("guaranteed", "miracle");
        assertThat(rules("marketing.healthcare.v1")).anySatisfy(rule ->
                assertThat(rule.path("except").toString()).contains("youtube", "whatsapp"));
    }

    @Test
    void everyExtraRulePointsAtFieldsOfTheConfigSchema() {
        assertThat(rules("trading.delta_futures.v1")).anySatisfy(rule -> {
            assertThat(rule.path("rule").asString()).isEqualTo("member_of");
            assertThat(rule.path("path").asString()).isEqualTo("/default_coin");
            assertThat(rule.path("in").asString()).isEqualTo("/allowed_coins");
        });
        assertThat(rules("marketing.healthcare.v1")).anySatisfy(rule -> {
            assertThat(rule.path("rule").asString()).isEqualTo("each_has_key");
            assertThat(rule.path("list").asString()).isEqualTo("/platforms_enabled");
            assertThat(rule.path("object").asString()).isEqualTo("/platform_credentials");
        });
        for (AgentTypeDefinitionsRecord definition : seeded()) {
            JsonNode properties = json(definition.getConfigSchema()).path("properties");
            for (JsonNode rule : json(definition.getExtraRules())) {
                assertThat(rule.path("message").asString()).isNotBlank();
                for (String pointerKey : List.of("path", "in", "list", "object")) {
                    if (rule.has(pointerKey)) {
                        assertThat(properties.has(rule.path(pointerKey).asString().substring(1)))
                                .as(definition.getAgentTypeId() + " rule pointer " + rule.path(pointerKey)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void eachAgentHasTheThreeGoalTemplatesOfTheSpecWithValidSettingsSchemas() {
        assertThat(goalNames("marketing.healthcare.v1")).containsExactly(
                "Weekly multichannel posting batch", "Daily patient-education micro-post", "Monthly campaign pack");
        assertThat(goalNames("trading.delta_futures.v1")).containsExactly(
                "Trade intent draft (enter/exit)", "Scheduled close-position reminder", "Guardrail report");

        for (AgentTypeDefinitionsRecord definition : seeded()) {
            JsonNode costs = json(definition.getEnforcementDefaults()).path("action_costs_minor");
            for (JsonNode template : json(definition.getGoalTemplates())) {
                String id = template.path("goal_template_id").asString();
                assertThat(id).startsWith(definition.getAgentTypeId().substring(0, definition.getAgentTypeId().indexOf('.')));
                assertThat(template.path("description").asString()).isNotBlank();
                assertThat(template.path("skill_binding").asString()).isNotBlank();
                assertThat(template.path("needs_time_window").isBoolean()).isTrue();
                Set<String> allowed = strings(template.path("allowed_frequencies"));
                assertThat(FREQUENCIES).containsAll(allowed);
                assertThat(allowed).contains(template.path("default_frequency").asString());
                JsonNode settings = template.path("settings_schema");
                assertThat(META_SCHEMA.validate(settings)).as(id + " settings_schema").isEmpty();
                assertHintsCover(settings, template.path("ui_hints"), id);
                // every action a template may propose has a price
                for (String action : strings(template.path("proposed_actions"))) {
                    assertThat(costs.has(action)).as(id + " cost of " + action).isTrue();
                }
            }
        }
    }

    @Test
    void tradeIntentSettingsNeedALimitPriceForLimitOrders() {
        JsonNode intent = goalTemplate("trading.delta_futures.v1", "trading.trade_intent_draft");
        Schema settings = SCHEMAS.getSchema(intent.path("settings_schema"));

        assertThat(settings.validate(json("""
                {"coin":"BTC","intent":"enter","side":"buy","units":2,"order_type":"market"}"""))).isEmpty();
        assertThat(locations(settings.validate(json("""
                {"coin":"BTC","intent":"enter","side":"buy","units":2,"order_type":"limit"}""")))).contains("limit_price");
        assertThat(locations(settings.validate(json("""
                {"coin":"BTC","intent":"enter","side":"buy","units":0,"order_type":"market"}""")))).contains("units");
    }

    @Test
    void enforcementDefaultsRequireApprovalAndKeepTradingDeterministicAndDryRunInTrial() {
        JsonNode marketing = json(definition("marketing.healthcare.v1").getEnforcementDefaults());
        JsonNode trading = json(definition("trading.delta_futures.v1").getEnforcementDefaults());

        assertThat(marketing.path("approval_required").asBoolean()).isTrue();
        assertThat(trading.path("approval_required").asBoolean()).isTrue();
        assertThat(trading.path("deterministic").asBoolean()).isTrue();
        assertThat(marketing.path("deterministic").asBoolean()).isFalse();
        assertThat(trading.path("trial_allowed_actions")).isEmpty();
        assertThat(strings(trading.path("trial_dry_run_actions"))).containsExactlyInAnyOrder("place_order", "close_position");
        assertThat(marketing.path("trial_caps").path("actions_per_day").asInt()).isPositive();
        assertThat(trading.path("trial_caps").path("actions_per_day").asInt()).isPositive();
    }

    @Test
    void aPublishedDefinitionCannotBeChangedOrDeleted() {
        assertThatThrownBy(() -> dsl.update(AGENT_TYPE_DEFINITIONS)
                .set(AGENT_TYPE_DEFINITIONS.CONFIG_SCHEMA, JSONB.valueOf("{}"))
                .where(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID.eq("trading.delta_futures.v1"))
                .execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> dsl.deleteFrom(AGENT_TYPE_DEFINITIONS)
                .where(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID.eq("trading.delta_futures.v1"))
                .execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be deleted");
    }

    @Test
    void aDraftDefinitionCanBeEditedThenPublishedButNotWithABadVersionOrStatus() {
        dsl.insertInto(AGENT_TYPE_DEFINITIONS)
                .set(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID, "test.draft_edit.v1")
                .set(AGENT_TYPE_DEFINITIONS.VERSION, "1.1.0")
                .set(AGENT_TYPE_DEFINITIONS.DISPLAY_NAME, "Trading, stricter")
                .set(AGENT_TYPE_DEFINITIONS.CONFIG_SCHEMA, JSONB.valueOf("{\"type\":\"object\"}"))
                .set(AGENT_TYPE_DEFINITIONS.CREATED_BY, "ops@myagents.local")
                .execute();
        int edited = dsl.update(AGENT_TYPE_DEFINITIONS)
                .set(AGENT_TYPE_DEFINITIONS.DISPLAY_NAME, "Trading, stricter limits")
                .set(AGENT_TYPE_DEFINITIONS.STATUS, AgentTypeStatus.PUBLISHED)
                .set(AGENT_TYPE_DEFINITIONS.PUBLISHED_AT, OffsetDateTime.now())
                .where(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID.eq("test.draft_edit.v1"))
                .execute();
        assertThat(edited).isEqualTo(1);

        assertThatThrownBy(() -> dsl.insertInto(AGENT_TYPE_DEFINITIONS)
                .set(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID, "x.y")
                .set(AGENT_TYPE_DEFINITIONS.VERSION, "v2")
                .set(AGENT_TYPE_DEFINITIONS.DISPLAY_NAME, "bad")
                .set(AGENT_TYPE_DEFINITIONS.CONFIG_SCHEMA, JSONB.valueOf("{}"))
                .set(AGENT_TYPE_DEFINITIONS.CREATED_BY, "ops")
                .execute())
                .hasMessageContaining("agent_type_definitions_version_semver_ck");
        assertThatThrownBy(() -> dsl.insertInto(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.SUBSCRIPTION_ID, UUID.randomUUID())
                .set(SUBSCRIPTIONS.CUSTOMER_ID, UUID.randomUUID())
                .set(SUBSCRIPTIONS.AGENT_TYPE_ID, "trading.delta_futures.v1")
                // a status no enum has: written as the bare column, so the constraint is what refuses it
                .set(DSL.field(SUBSCRIPTIONS.STATUS.getUnqualifiedName(), String.class), "paused")
                .set(SUBSCRIPTIONS.PERIOD_START, OffsetDateTime.now())
                .execute())
                .hasMessageContaining("subscriptions_status_ck");
    }

    @Test
    void demoDataHasTwoCustomersAndOneDraftToReviewWhoseHashIsTheCanonicalPayload() throws Exception {
        UUID demoCustomer = UUID.fromString("00000000-0000-0000-0000-0000000c0001");
        UUID otherCustomer = UUID.fromString("00000000-0000-0000-0000-0000000c0002");

        assertThat(dsl.fetchCount(SUBSCRIPTIONS, SUBSCRIPTIONS.CUSTOMER_ID.eq(demoCustomer)
                .and(SUBSCRIPTIONS.STATUS.eq(SubscriptionStatus.ACTIVE)).and(SUBSCRIPTIONS.TRIAL_STATUS.eq(TrialStatus.NOT_STARTED)))).isEqualTo(2);
        assertThat(dsl.fetchCount(SUBSCRIPTIONS, SUBSCRIPTIONS.CUSTOMER_ID.eq(otherCustomer))).isEqualTo(1);
        var marketing = dsl.selectFrom(HIRED_AGENTS)
                .where(HIRED_AGENTS.HIRED_INSTANCE_ID.eq(UUID.fromString("00000000-0000-0000-0000-00000000b001"))).fetchSingle();
        assertThat(marketing.getNickname()).isEqualTo("Clinic Marketing");
        assertThat(marketing.getAgentTypeVersion()).isEqualTo("1.0.0");
        assertThat(marketing.getConfigured()).isFalse();
        assertThat(marketing.getSubscriptionId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-00000000a001"));

        DeliverablesRecord draft = dsl.selectFrom(DELIVERABLES)
                .where(DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString("00000000-0000-0000-0000-00000000d001"))).fetchSingle();
        assertThat(draft.getState()).isEqualTo(DeliverableState.PENDING_REVIEW);
        assertThat(draft.getKind()).isEqualTo("social_post");
        assertThat(draft.getHiredInstanceId()).isEqualTo(marketing.getHiredInstanceId());
        assertThat(strings(json(draft.getProposedActions()))).containsExactly("publish");
        JsonNode payload = json(draft.getPayload());
        assertThat(payload.path("platform").asString()).isEqualTo("linkedin");
        assertThat(payload.path("text").asString()).isNotBlank();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(payload).getBytes(StandardCharsets.UTF_8));
        assertThat(draft.getPayloadHash()).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void demoDataHasATradingPlanBlockedByItsRiskChecksWhoseHashIsTheCanonicalPayload() throws Exception {
        DeliverablesRecord plan = dsl.selectFrom(DELIVERABLES)
                .where(DELIVERABLES.DELIVERABLE_ID.eq(UUID.fromString("00000000-0000-0000-0000-00000000d002"))).fetchSingle();
        assertThat(plan.getHiredInstanceId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-00000000b002"));
        JsonNode payload = json(plan.getPayload());
        assertThat(payload.path("plan_status").asString()).isEqualTo("blocked_by_risk_checks");
        assertThat(strings(json(plan.getProposedActions()))).isEmpty();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(payload).getBytes(StandardCharsets.UTF_8));
        assertThat(plan.getPayloadHash()).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void patternFieldsOfThePublishedDefinitionsSayWhatTheyExpectInWords() {
        JsonNode marketing = json(definition("marketing.healthcare.v1").getUiHints());
        JsonNode hashtags = marketing.at("/constraints/fields/hashtags/fields/required");
        assertThat(hashtags.path("pattern_help").asString()).contains("#");
        assertThat(hashtags.path("label").asString()).isEqualTo("Always include");
        assertThat(marketing.at("/platform_credentials/help").asString()).doesNotContain("CP");
        JsonNode trading = json(definition("trading.delta_futures.v1").getUiHints());
        assertThat(trading.at("/allowed_coins/examples/0").asString()).isEqualTo("BTC");
        assertThat(trading.at("/allowed_coins/label").asString()).isEqualTo("Allowed coins");
        assertThat(trading.at("/exchange_provider/help").asString()).doesNotContain("Phase");
    }

    private static void assertHintsCover(JsonNode schema, JsonNode hints, String owner) {
        Set<Integer> orders = new TreeSet<>();
        for (String field : schema.path("properties").propertyNames()) {
            JsonNode hint = hints.path(field);
            assertThat(hint.path("label").asString()).as(owner + " label of " + field).isNotBlank();
            assertThat(WIDGETS).as(owner + " widget of " + field).contains(hint.path("widget").asString());
            assertThat(hint.path("help").asString()).as(owner + " help of " + field).isNotBlank();
            assertThat(orders.add(hint.path("order").asInt())).as(owner + " order of " + field + " is unique").isTrue();
            if (hint.has("fields")) {
                assertHintsCover(schema.path("properties").path(field), hint.path("fields"), owner + "/" + field);
            }
        }
        assertThat(hints.size()).as(owner + " has no hints for unknown fields").isEqualTo(orders.size());
    }

    /** The two seeded definitions; other tests of this class add their own agent types. */
    private static List<AgentTypeDefinitionsRecord> seeded() {
        return dsl.selectFrom(AGENT_TYPE_DEFINITIONS)
                .where(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID.in("marketing.healthcare.v1", "trading.delta_futures.v1"))
                .and(AGENT_TYPE_DEFINITIONS.VERSION.eq("1.0.0"))
                .orderBy(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID)
                .fetch();
    }

    private static AgentTypeDefinitionsRecord definition(String agentTypeId) {
        return dsl.selectFrom(AGENT_TYPE_DEFINITIONS).where(AGENT_TYPE_DEFINITIONS.AGENT_TYPE_ID.eq(agentTypeId))
                .and(AGENT_TYPE_DEFINITIONS.VERSION.eq("1.0.0")).fetchSingle();
    }

    private static Schema configSchema(AgentTypeDefinitionsRecord definition) {
        return SCHEMAS.getSchema(json(definition.getConfigSchema()));
    }

    private static List<JsonNode> rules(String agentTypeId) {
        List<JsonNode> rules = new ArrayList<>();
        json(definition(agentTypeId).getExtraRules()).forEach(rules::add);
        return rules;
    }

    private static List<String> goalNames(String agentTypeId) {
        List<String> names = new ArrayList<>();
        json(definition(agentTypeId).getGoalTemplates()).forEach(t -> names.add(t.path("name").asString()));
        return names;
    }

    private static JsonNode goalTemplate(String agentTypeId, String goalTemplateId) {
        for (JsonNode template : json(definition(agentTypeId).getGoalTemplates())) {
            if (template.path("goal_template_id").asString().equals(goalTemplateId)) {
                return template;
            }
        }
        throw new AssertionError("no goal template " + goalTemplateId);
    }

    private static String locations(List<Error> errors) {
        StringBuilder all = new StringBuilder();
        for (Error error : errors) {
            all.append(error.getInstanceLocation()).append(' ').append(error.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static JsonNode json(JSONB value) {
        return json(value.data());
    }

    private static JsonNode json(String value) {
        return EventJson.MAPPER.readTree(value);
    }

    /** Keys sorted, no whitespace: the form a payload hash is taken of. */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            for (String name : new TreeSet<>(node.propertyNames())) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(EventJson.MAPPER.writeValueAsString(name)).append(':').append(canonical(node.get(name)));
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            return "[" + String.join(",", items) + "]";
        }
        return EventJson.MAPPER.writeValueAsString(node);
    }
}
