package com.myagents.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.access.AccessRecord;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.serde.EventJson;
import com.myagents.contracts.serde.JsonSerde;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Per public record type: a record written by the previous writer of its schema version
 * (before a field existed) still reads and validates, and a record carrying a value this build does
 * not know (a result status, an execution mode, a principal kind, a review verdict) still reads, is
 * kept as written and passed on unchanged, and is never taken for more than it says.
 */
class RecordCompatibilityTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void aCommandWrittenBeforeTheModeExistedReadsAsLiveUnderItsIdempotencyKey() throws IOException {
        byte[] old = fixture("execution-command-v1-before-mode.json");

        ExecutionCommand command = serde(Topics.EXECUTION_COMMANDS).read(old);

        assertThat(command.dryRun()).isFalse();
        assertThat(command.platformIdempotencyKey()).isEqualTo("key-2026-11");
        assertThat(command.manual()).isNull();
        assertThat(errors(Topics.EXECUTION_COMMANDS, old)).isEmpty();
    }

    @Test
    void aSignedCommandWithAModeThisBuildDoesNotKnowStillVerifiesAndIsNotPerformed() {
        CommandSigner signer = new CommandSigner("k".repeat(CommandSigner.MIN_KEY_BYTES).getBytes(StandardCharsets.UTF_8));
        ExecutionCommand newer = signer.sign(new ExecutionCommand("cmd-1", "corr-1", "d-1", "del-1", "s-1", "c-1", "h-1",
                "publish", "a-1", "key-1", Map.of("text", "hello"), Instant.parse("2027-01-02T10:00:00Z"), null,
                ExecutionMode.fromCode("shadow"), "platform-key"));
        byte[] written = serde(Topics.EXECUTION_COMMANDS).write(newer);

        ExecutionCommand read = serde(Topics.EXECUTION_COMMANDS).read(written);

        assertThat(read.mode().code()).isEqualTo("shadow");
        assertThat(read.mode().known()).isFalse();
        assertThat(read.dryRun()).as("only live acts").isTrue();
        assertThat(signer.verify(read)).as("passed on as written, the signature over it still verifies").isTrue();
        assertThat(errors(Topics.EXECUTION_COMMANDS, written)).isEmpty();
    }

    @Test
    void aResultWrittenBeforeCostsAndManualPublishingReadsAsTheKnownStatus() throws IOException {
        byte[] old = fixture("execution-result-v1-before-manual.json");

        ExecutionResult result = serde(Topics.EXECUTION_RESULTS).read(old);

        assertThat(result.status()).isSameAs(ExecutionResult.Status.EXECUTED);
        assertThat(result.status().happened()).isTrue();
        assertThat(result.costMinor()).isZero();
        assertThat(errors(Topics.EXECUTION_RESULTS, old)).isEmpty();
    }

    @Test
    void aResultWithAStatusThisBuildDoesNotKnowIsKeptAsWrittenAndNeverCountsAsHappened() throws IOException {
        byte[] newer = fixture("execution-result-v1-new-status.json");

        ExecutionResult result = serde(Topics.EXECUTION_RESULTS).read(newer);

        assertThat(result.status().code()).isEqualTo("reversed");
        assertThat(result.status().known()).isFalse();
        assertThat(result.status().happened()).isFalse();
        assertThat(EventJson.MAPPER.readTree(serde(Topics.EXECUTION_RESULTS).write(result)).path("status").asString())
                .isEqualTo("reversed");
        assertThat(errors(Topics.EXECUTION_RESULTS, newer)).isEmpty();
    }

    @Test
    void aDecisionWithAModeThisBuildDoesNotKnowIsAllowedOnlyToBeDescribed() throws IOException {
        byte[] newer = fixture("execution-decision-v1-new-mode.json");

        ExecutionDecision decision = serde(Topics.EXECUTION_DECISIONS).read(newer);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.mode().code()).isEqualTo("shadow");
        assertThat(decision.dryRun()).as("an unknown mode acts less, never more").isTrue();
        assertThat(EventJson.MAPPER.readTree(serde(Topics.EXECUTION_DECISIONS).write(decision)).path("mode").asString())
                .isEqualTo("shadow");
        assertThat(errors(Topics.EXECUTION_DECISIONS, newer)).isEmpty();
    }

    @Test
    void aDecisionWrittenBeforeTheModeExistedWasLive() throws IOException {
        byte[] old = fixture("execution-decision-v1-enforcement-2026-11.3.json");

        ExecutionDecision decision = serde(Topics.EXECUTION_DECISIONS).read(old);

        assertThat(decision.mode()).isIn(null, ExecutionMode.LIVE);
        assertThat(decision.dryRun()).isFalse();
        assertThat(ExecutionMode.fromCode(null)).isSameAs(ExecutionMode.LIVE);
    }

    @Test
    void aDenialWrittenBeforeItsInputsWereRecordedStillReads() throws IOException {
        byte[] old = fixture("enforcement-denial-v1-before-inputs.json");

        EnforcementDenial denial = serde(Topics.ENFORCEMENT_DENIALS).read(old);

        assertThat(denial.reason()).isSameAs(ReasonCode.APPROVAL_MISSING);
        assertThat(denial.inputs()).isNull();
        assertThat(denial.policyVersion()).isEqualTo("enforcement/1");
        assertThat(errors(Topics.ENFORCEMENT_DENIALS, old)).isEmpty();
    }

    @Test
    void aGoalRunSkipWrittenBeforeCostsAndChecksStillReads() throws IOException {
        byte[] old = fixture("goal-run-decision-v1-before-cost.json");

        GoalRunDecision skip = serde(Topics.GOAL_RUN_DECISIONS).read(old);

        assertThat(skip.skipped()).isTrue();
        assertThat(skip.reason()).isSameAs(ReasonCode.NOT_CONFIGURED);
        assertThat(skip.costMinor()).isZero();
        assertThat(skip.runId()).isEqualTo("goal-1:daily:2026-11-20");
        assertThat(errors(Topics.GOAL_RUN_DECISIONS, old)).isEmpty();
    }

    @Test
    void anAccessRecordWrittenBeforeClientCorrelationIdsStillReads() throws IOException {
        byte[] old = fixture("access-record-v1-before-client-correlation.json");

        AccessRecord access = serde(Topics.ACCESS_RECORDS).read(old);

        assertThat(access.clientCorrelationId()).isNull();
        assertThat(access.status()).isEqualTo(403);
        assertThat(errors(Topics.ACCESS_RECORDS, old)).isEmpty();
    }

    @Test
    void anAccessRecordOfANewerHopWithAPrincipalKindThisBuildDoesNotKnowIsKeptAsWritten() throws IOException {
        byte[] newer = fixture("access-record-v1-new-kind.json");

        AccessRecord access = serde(Topics.ACCESS_RECORDS).read(newer);

        assertThat(access.principalKind()).isEqualTo("AUDITOR");
        assertThat(access.service()).isEqualTo("edge-proxy");
        assertThat(EventJson.MAPPER.readTree(serde(Topics.ACCESS_RECORDS).write(access)).path("principal_kind").asString())
                .isEqualTo("AUDITOR");
        assertThat(errors(Topics.ACCESS_RECORDS, newer)).isEmpty();
    }

    @Test
    void aReviewWithAVerdictThisBuildDoesNotKnowIsKeptAsWrittenAndApprovesNothing() {
        byte[] newer = ("{\"approval_id\":\"a-1\",\"deliverable_id\":\"del-1\",\"subscription_id\":\"s-1\",\"customer_id\":\"c-1\","
                + "\"verdict\":\"escalated\",\"reviewer\":\"r\",\"payload_hash\":\"h\",\"decided_at\":\"2027-01-02T10:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);

        ApprovalEvent review = serde(Topics.APPROVALS).read(newer);

        assertThat(review.verdict().code()).isEqualTo("escalated");
        assertThat(review.verdict().known()).isFalse();
        assertThat(review.verdict()).isNotEqualTo(ApprovalEvent.Verdict.APPROVED);
        assertThat(EventJson.MAPPER.readTree(serde(Topics.APPROVALS).write(review)).path("verdict").asString())
                .isEqualTo("escalated");
    }

    @Test
    void everyKnownStatusVerdictAndModeReadsAsItsOwnConstant() {
        for (ExecutionResult.Status status : ExecutionResult.Status.values()) {
            assertThat(ExecutionResult.Status.fromCode(status.code())).isSameAs(status);
            assertThat(status.known()).isTrue();
        }
        for (ApprovalEvent.Verdict verdict : ApprovalEvent.Verdict.values()) {
            assertThat(ApprovalEvent.Verdict.fromCode(verdict.code())).isSameAs(verdict);
        }
        for (ExecutionMode mode : List.of(ExecutionMode.LIVE, ExecutionMode.DRY_RUN)) {
            assertThat(ExecutionMode.fromCode(mode.code())).isSameAs(mode);
            assertThat(mode.known()).isTrue();
        }
        assertThat(ExecutionResult.Status.fromCode(null)).isNull();
        assertThat(ApprovalEvent.Verdict.fromCode(null)).isNull();
        assertThat(ExecutionResult.Status.fromCode("reversed")).hasToString("reversed");
        assertThat(ApprovalEvent.Verdict.fromCode("escalated")).hasToString("escalated");
        assertThat(ExecutionMode.DRY_RUN).hasToString("dry_run");
        assertThat(ExecutionMode.LIVE.live()).isTrue();
        assertThat(ExecutionMode.fromCode("shadow").live()).isFalse();
        assertThatThrownBy(() -> new ExecutionResult.Status(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApprovalEvent.Verdict("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExecutionMode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<com.networknt.schema.Error> errors(Topic<?, ?> topic, byte[] value) {
        try (InputStream schema = PublishedSchema.open(topic)) {
            JsonNode json = EventJson.MAPPER.readTree(value);
            return REGISTRY.getSchema(EventJson.MAPPER.readTree(schema)).validate(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> JsonSerde<V> serde(Topic<String, V> topic) {
        return (JsonSerde<V>) topic.valueSerde();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RecordCompatibilityTest.class.getResourceAsStream("/records/" + name)) {
            return in.readAllBytes();
        }
    }
}
