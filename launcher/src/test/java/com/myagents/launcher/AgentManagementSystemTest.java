package com.myagents.launcher;

import static com.myagents.launcher.OperatorDoor.json;
import static com.myagents.launcher.OperatorDoor.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.serde.EventJson;
import com.myagents.http.identity.Principal;
import com.myagents.pp.jooq.generated.tables.records.OperatorAuditRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Agent Management as operators use it on the running system: pp-backend (its guardrails, breaking
 * changes and review receipts), the gateway and Plant, with customers who hired the authored types
 * through CP.
 */
class AgentManagementSystemTest {

    static final String SCHEMA = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"additionalProperties\":false,\"required\":[\"nickname\",\"theme\"],\"properties\":{"
            + "\"nickname\":{\"type\":\"string\",\"minLength\":1},\"theme\":{\"type\":\"string\",\"enum\":[\"teal\",\"rose\"]},"
            + "\"region\":{\"type\":\"string\"}}}";
    static final String BREAKING_SCHEMA = SCHEMA.replace("\"required\":[\"nickname\",\"theme\"]",
            "\"required\":[\"nickname\",\"theme\",\"region\"]").replace("[\"teal\",\"rose\"]", "[\"teal\"]");

    static final OperatorDoor PP = new OperatorDoor();
    static final String admin = PP.admin();
    static final String support = PP.support();
    static final String auditor = PP.auditor();

    @Test
    void aBreakingVersionNamesTheInstancesItWouldUnconfigureAndNeedsAnAcknowledgedPublish() {
        String type = "test.pp.breaking." + System.nanoTime();
        String versions = "/api/pp/agent-types/" + type + "/versions";
        assertThat(PP.call("POST", versions, admin, definition(SCHEMA, true)).statusCode()).isEqualTo(201);
        JsonNode first = json(PP.call("POST", versions + "/1.0.0/validate", admin, null));
        HttpResponse<String> firstPublish = PP.call("POST", versions + "/1.0.0/publish", admin, null);
        Hired rose = configured(type, "{\"nickname\":\"Rose\",\"theme\":\"rose\",\"region\":\"north\"}");
        Hired teal = configured(type, "{\"nickname\":\"Teal\",\"theme\":\"teal\",\"region\":\"south\"}");

        HttpResponse<String> draft = PP.call("POST", versions, admin, "{}");
        HttpResponse<String> edit = PP.call("PUT", versions + "/1.1.0", admin, "{\"config_schema\":" + BREAKING_SCHEMA + "}");
        HttpResponse<String> review = PP.call("POST", versions + "/1.1.0/validate", support, null);
        HttpResponse<String> bySupport = PP.call("POST", versions + "/1.1.0/publish", support,
                "{\"acknowledge_breaking_changes\":true}");
        HttpResponse<String> unacknowledged = PP.call("POST", versions + "/1.1.0/publish", admin, "{}",
                "pp-publish-unack-" + UUID.randomUUID());
        String acknowledgedId = "pp-publish-ack-" + UUID.randomUUID();
        HttpResponse<String> acknowledged = PP.call("POST", versions + "/1.1.0/publish", admin,
                "{\"acknowledge_breaking_changes\":true}", acknowledgedId);
        HttpResponse<String> editPublished = PP.call("PUT", versions + "/1.1.0", admin, "{\"description\":\"sneaky\"}");

        assertThat(first.path("valid").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("compared_with").isNull()).isTrue();
        assertThat(firstPublish.statusCode()).as(firstPublish.body()).isEqualTo(200);
        assertThat(json(draft).path("version").asString()).isEqualTo("1.1.0");
        assertThat(edit.statusCode()).isEqualTo(200);

        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        JsonNode report = json(review);
        assertThat(report.path("valid").asBoolean()).isTrue();
        assertThat(report.path("compared_with").asString()).isEqualTo("1.0.0");
        assertThat(values(report.path("breaking_changes"), "kind")).containsExactlyInAnyOrder("new_required_field",
                "narrowed_enum");
        assertThat(values(report.path("affected_instances"), "hired_instance_id"))
                .containsExactly(rose.hiredInstanceId());
        assertThat(report.path("instances_checked").asInt()).isEqualTo(2);
        assertThat(report.toString()).doesNotContain(teal.hiredInstanceId());

        assertThat(bySupport.statusCode()).isEqualTo(403);
        assertThat(json(bySupport).path("reason").asString()).isEqualTo("role_read_only");
        assertThat(unacknowledged.statusCode()).isEqualTo(409);
        JsonNode conflict = json(unacknowledged);
        assertThat(unacknowledged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(values(conflict.path("affected_instances"), "hired_instance_id")).containsExactly(rose.hiredInstanceId());
        assertThat(values(conflict.path("errors"), "pointer")).contains("/config_schema/required",
                "/config_schema/properties/theme");
        assertThat(conflict.path("detail").asString()).contains("acknowledge_breaking_changes");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(json(acknowledged).path("status").asString()).isEqualTo("published");
        assertThat(editPublished.statusCode()).isEqualTo(409);

        OperatorAuditRecord audited = PP.audit(acknowledged.headers().firstValue("X-Correlation-ID").orElseThrow()).get(0);
        assertThat(audited.getAction()).isEqualTo("agent_type:publish");
        assertThat(audited.getStatusCode()).isEqualTo(200);
        assertThat(audited.getOperatorId()).hasToString("00000000-0000-0000-0000-0000000b0001");
        assertThat(audited.getDetail().data()).contains("\"acknowledged_breaking_changes\": true", "\"published\": true",
                "\"affected_instances\": 1", "\"definition_hash\"");
    }

    @Test
    void aGuardrailFailureBlocksThePublishWithItsPathAndTheVersionStaysADraft() {
        String type = "test.pp.guard." + System.nanoTime();
        String versions = "/api/pp/agent-types/" + type + "/versions";
        PP.call("POST", versions, admin, definition(SCHEMA, false));

        JsonNode report = json(PP.call("POST", versions + "/1.0.0/validate", admin, null));
        HttpResponse<String> publish = PP.call("POST", versions + "/1.0.0/publish", admin,
                "{\"acknowledge_breaking_changes\":true}");

        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(values(report.path("errors"), "path")).containsExactly("/enforcement_defaults/approval_required");
        assertThat(publish.statusCode()).isEqualTo(400);
        assertThat(values(json(publish).path("errors"), "pointer")).containsExactly("/enforcement_defaults/approval_required");
        assertThat(json(publish).path("errors").get(0).path("message").asString()).contains("external side effects");
        JsonNode stored = json(PP.call("GET", versions, admin, null)).path("versions").get(0);
        assertThat(stored.path("status").asString()).isEqualTo("draft");
    }

    @Test
    void supportReadsAndValidatesButNeverWritesAndAuditorsSeeNoAgentTypes() {
        String type = "test.pp.roles." + System.nanoTime();
        String versions = "/api/pp/agent-types/" + type + "/versions";
        PP.call("POST", versions, admin, definition(SCHEMA, true));

        HttpResponse<String> supportList = PP.call("GET", "/api/pp/agent-types", support, null);
        HttpResponse<String> supportVersions = PP.call("GET", versions, support, null);
        HttpResponse<String> supportDraft = PP.call("POST", versions, support, "{}");
        HttpResponse<String> supportEdit = PP.call("PUT", versions + "/1.0.0", support, "{\"description\":\"x\"}");
        HttpResponse<String> auditorList = PP.call("GET", "/api/pp/agent-types", auditor, null);
        HttpResponse<String> auditorValidate = PP.call("POST", versions + "/1.0.0/validate", auditor, null);
        HttpResponse<String> unknown = PP.call("POST", "/api/pp/agent-types/no.such.type/versions/1.0.0/validate",
                admin, null);
        HttpResponse<String> malformed = PP.call("POST", versions + "/latest/validate", admin, null);

        assertThat(supportList.statusCode()).isEqualTo(200);
        assertThat(json(supportList).path("agent_types").size()).isGreaterThanOrEqualTo(2);
        assertThat(json(supportVersions).path("versions").get(0).path("status").asString()).isEqualTo("draft");
        assertThat(supportDraft.statusCode()).isEqualTo(403);
        assertThat(supportEdit.statusCode()).isEqualTo(403);
        assertThat(auditorList.statusCode()).isEqualTo(403);
        assertThat(json(auditorList).path("reason").asString()).isEqualTo("role_not_allowed");
        assertThat(auditorValidate.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
    }

    @Test
    void theSeededTypesValidateCleanlyAgainstThemselves() {
        JsonNode marketing = json(PP.call("POST", "/api/pp/agent-types/marketing.healthcare.v1/versions/1.0.0/validate",
                support, null));

        assertThat(marketing.path("valid").asBoolean()).as(marketing.toString()).isTrue();
        assertThat(marketing.path("status").asString()).isEqualTo("published");
        assertThat(marketing.path("breaking_changes")).isEmpty();
    }

    record Hired(String hiredInstanceId, String subscriptionId) {
    }

    @Test
    void noSpellingOfThePublishPathReachesPlantAroundTheReviewAndPlantRefusesAPublishWithoutAReceipt() {
        String type = "test.pp.around." + System.nanoTime();
        String versions = "/api/pp/agent-types/" + type + "/versions";
        assertThat(PP.call("POST", versions, admin, definition(SCHEMA, false)).statusCode()).isEqualTo(201);

        for (String path : List.of("/api/pp//agent-types/" + type + "/versions/1.0.0/publish",
                "/api/pp/agent-types//" + type + "/versions/1.0.0//publish", versions + "/1.0.0/publish/",
                versions + "/1.0.0/PUBLISH", versions + "/1.0.0/publis%68", versions + "/1.0.0/x/../publish",
                versions + "/1.0.0%2Fpublish", versions + "/1.0.0/publish;x=1", "/api/pp/Agent-Types/" + type
                        + "/versions/1.0.0/publish")) {
            HttpResponse<String> around = PP.call("POST", path, admin, "{\"acknowledge_breaking_changes\":true}");
            assertThat(around.statusCode()).as(path + ": " + around.body()).isIn(400, 404, 405);
        }
        Principal opsAdmin = new Principal("ops-1", Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("admin"));
        HttpResponse<String> straightToPlant = PP.atGatewayAs(opsAdmin, "POST",
                "/api/v1/agent-types/" + type + "/versions/1.0.0/publish", "{}");

        assertThat(straightToPlant.statusCode()).isEqualTo(403);
        assertThat(json(straightToPlant).path("reason").asString()).isEqualTo("review_required");
        JsonNode stored = json(PP.call("GET", versions, admin, null)).path("versions").get(0);
        assertThat(stored.path("status").asString()).isEqualTo("draft");
    }

    /** A customer of its own hires {@code type} through CP and saves {@code config}, which satisfies the schema. */
    private static Hired configured(String type, String config) {
        CpClient door = new CpClient(RunningSystem.cp());
        String token = Journeys.freshCustomer(door, RunningSystem.stack());
        JsonNode hired = json(door.call("POST", "/api/cp/subscriptions", token, "{\"agent_type_id\":\"" + type + "\"}"));
        JsonNode saved = json(door.call("PUT", "/api/cp/hired-agents/draft", token, "{\"subscription_id\":\""
                + hired.path("subscription_id").asString() + "\",\"config\":" + config + "}"));
        assertThat(saved.path("configured").asBoolean()).as(saved.toString()).isTrue();
        return new Hired(hired.path("hired_instance_id").asString(), hired.path("subscription_id").asString());
    }

    static String definition(String schema, boolean approvalRequired) {
        ObjectNode definition = EventJson.MAPPER.createObjectNode();
        definition.put("display_name", "PP test agent");
        definition.put("description", "An agent type the PP tests author");
        definition.set("config_schema", EventJson.MAPPER.readTree(schema));
        definition.set("ui_hints", EventJson.MAPPER.readTree("{\"nickname\":{\"label\":\"Nickname\",\"widget\":\"text\","
                + "\"order\":1},\"theme\":{\"label\":\"Theme\",\"widget\":\"enum\",\"order\":2},"
                + "\"region\":{\"label\":\"Region\",\"widget\":\"text\",\"order\":3}}"));
        definition.set("goal_templates", EventJson.MAPPER.readTree("[{\"goal_template_id\":\"pp.test.weekly\","
                + "\"name\":\"Weekly\",\"description\":\"A weekly batch\",\"default_frequency\":\"weekly\","
                + "\"allowed_frequencies\":[\"weekly\"],\"skill_binding\":\"marketing.draft_multichannel_batch\","
                + "\"needs_time_window\":false,\"proposed_actions\":[\"publish\"],\"settings_schema\":{\"$schema\":"
                + "\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{\"posts_per_week\":"
                + "{\"type\":\"integer\",\"minimum\":1}}},\"ui_hints\":{\"posts_per_week\":{\"label\":\"Posts\","
                + "\"widget\":\"number\"}}}]"));
        definition.set("enforcement_defaults", EventJson.MAPPER.readTree("{\"approval_required\":" + approvalRequired
                + ",\"deterministic\":false,\"trial_days\":7,\"trial_caps\":{\"actions_per_day\":5,\"goal_runs_per_day\":10,\"cost_minor_per_day\":1000},"
                + "\"trial_allowed_actions\":[\"publish\"],\"trial_dry_run_actions\":[],\"action_costs_minor\":"
                + "{\"publish\":100},\"budget_minor_per_month\":1000}"));
        definition.set("extra_rules", EventJson.MAPPER.createArrayNode());
        return definition.toString();
    }
}
