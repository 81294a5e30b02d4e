package com.myagents.contracts.schemas;

import static com.myagents.contracts.schemas.StoredRecords.errors;
import static com.myagents.contracts.schemas.StoredRecords.readValid;
import static com.myagents.contracts.schemas.StoredRecords.schemaOf;
import static com.myagents.contracts.schemas.StoredRecords.writtenAgain;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.serde.EventJson;
import com.myagents.contracts.serde.JsonSerde;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Every public record has a published JSON Schema that says exactly what the Java
 * record writes, versioned with its topic, and a record written by an earlier or a later writer
 * of the same version still reads — new reason codes and outcomes included.
 */
class PublishedSchemasTest {

    private static final Schema META = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final GoalTrigger TRIGGER = new GoalTrigger("goal-1:daily:2026-12-01", "goal-1", "t", "h-1", "s-1", "c-1",
            "daily:2026-12-01", AT);
    private static final ExecutionDecision DECISION = new ExecutionDecision("d-1", "corr-1", "del-1", "s-1", "c-1",
            "publish", "a-1", Outcome.DENY, ReasonCode.APPROVAL_EXPIRED, "expired", List.of(new CheckResult("approval_unexpired",
                    false, "expired")), Map.of("evaluated_at", AT.toString()), "enforcement-2026-12.1", AT);

    /** A sample of every public record, as its writer produces it. */
    private static final Map<Topic<String, ?>, Object> SAMPLES = Map.of(
            Topics.EXECUTION_DECISIONS, DECISION,
            Topics.ENFORCEMENT_DENIALS, EnforcementDenial.of(DECISION),
            Topics.EXECUTION_COMMANDS, new ExecutionCommand("cmd-1", "corr-1", "d-1", "del-1", "s-1", "c-1", "h-1", "publish",
                    "a-1", "key", Map.of("text", "hello"), AT, "sig"),
            Topics.EXECUTION_RESULTS, new ExecutionResult("r-1", "cmd-1", "corr-1", "del-1", "s-1",
                    ExecutionResult.Status.DRY_RUN, null, "key", 0, "dry run", AT),
            Topics.GOAL_RUN_DECISIONS, new GoalRunDecision("g-1", TRIGGER, Outcome.ALLOW, ReasonCode.ALLOWED,
                    "every check passed", 50, List.of(), Map.of(), "enforcement-2026-12.1", AT),
            Topics.ACCESS_RECORDS, new AccessRecord("rec-1", "corr-1", "gateway", "cp-backend", "c-1", "CUSTOMER", "POST",
                    "/api/v1/deliverables/x/execute", 403, 12, AT, AT));

    @Test
    void everyPublicRecordPublishesA2020_12SchemaVersionedWithItsTopic() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(PublishedSchema.PUBLIC);
        for (Topic<String, ?> topic : PublishedSchema.PUBLIC) {
            JsonNode schema = schemaOf(topic);
            String header = PublishedSchema.header(topic);

            assertThat(topic.name()).as(topic.name()).endsWith("." + header.substring(header.lastIndexOf('/') + 1));
            assertThat(schema.path("$id").asString()).endsWith("/schemas/" + header + ".json");
            assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(META.validate(schema)).as(topic.name()).isEmpty();
        }
    }

    @Test
    void aSchemaNamesExactlyTheFieldsItsRecordWrites() {
        for (Topic<String, ?> topic : PublishedSchema.PUBLIC) {
            JsonNode schema = schemaOf(topic);
            Class<?> type = SAMPLES.get(topic).getClass();

            assertThat(names(schema.path("properties"))).as(type.getSimpleName()).isEqualTo(fields(type));
        }
        assertThat(names(schemaOf(Topics.EXECUTION_DECISIONS).path("$defs").path("check").path("properties")))
                .isEqualTo(fields(CheckResult.class));
        assertThat(names(schemaOf(Topics.GOAL_RUN_DECISIONS).path("$defs").path("trigger").path("properties")))
                .isEqualTo(fields(GoalTrigger.class));
    }

    @Test
    void everyRecordAsWrittenValidatesAgainstItsSchema() {
        for (Topic<String, ?> topic : PublishedSchema.PUBLIC) {
            JsonNode written = EventJson.MAPPER.readTree(write(topic, SAMPLES.get(topic)));

            assertThat(errors(topic, written)).as(topic.name()).isEmpty();
        }
    }

    @Test
    void aDecisionWrittenByThePreviousPolicyVersionStillReadsAndValidates() {
        ExecutionDecision decision = readValid(Topics.EXECUTION_DECISIONS, "execution-decision-v1-enforcement-2026-11.3.json");

        assertThat(decision.reason()).isSameAs(ReasonCode.RISK_CHECK_FAILED);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.policyVersion()).isEqualTo("enforcement-2026-11.3");
    }

    @Test
    void aRecordWithAReasonCodeOrOutcomeThisBuildDoesNotKnowIsKeptAsWritten() {
        EnforcementDenial denial = readValid(Topics.ENFORCEMENT_DENIALS, "enforcement-denial-v1-new-reason.json");
        GoalRunDecision run = readValid(Topics.GOAL_RUN_DECISIONS, "goal-run-decision-v1-new-outcome.json");

        assertThat(denial.reason().code()).isEqualTo("quiet_hours");
        assertThat(denial.reason().known()).isFalse();
        assertThat(run.outcome().code()).isEqualTo("defer");
        assertThat(run.allowed()).as("an outcome this build does not know never allows").isFalse();
        // passed on unchanged: written again, the codes are what the newer writer wrote
        assertThat(writtenAgain(Topics.ENFORCEMENT_DENIALS, denial, "reason")).isEqualTo("quiet_hours");
        assertThat(writtenAgain(Topics.GOAL_RUN_DECISIONS, run, "outcome")).isEqualTo("defer");
    }

    private static Set<String> fields(Class<?> record) {
        Set<String> names = new HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            // the snake_case of EventJson: costMinor -> cost_minor
            names.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase());
        }
        return names;
    }

    private static Set<String> names(JsonNode properties) {
        return new HashSet<>(properties.propertyNames());
    }

    @SuppressWarnings("unchecked")
    private static byte[] write(Topic<String, ?> topic, Object value) {
        return ((JsonSerde<Object>) topic.valueSerde()).write(value);
    }
}
