package com.myagents.contracts.schemas;

import static com.myagents.contracts.schemas.StoredRecords.readValid;
import static com.myagents.contracts.schemas.StoredRecords.serde;
import static com.myagents.contracts.schemas.StoredRecords.writtenAgain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

/**
 * Per public record type: a record written by the previous writer of its schema version
 * (before a field existed) still reads and validates, and a record carrying a value this build does
 * not know (a result status, an execution mode, a principal kind, a review verdict) still reads, is
 * kept as written and passed on unchanged, and is never taken for more than it says.
 */
class RecordCompatibilityTest {

    @Test
    void aCommandWrittenBeforeTheModeExistedReadsAsLiveUnderItsIdempotencyKey() {
        ExecutionCommand command = readValid(Topics.EXECUTION_COMMANDS, "execution-command-v1-before-mode.json");

        assertThat(command.dryRun()).isFalse();
        assertThat(command.platformIdempotencyKey()).isEqualTo("key-2026-11");
        assertThat(command.manual()).isNull();
    }

    @Test
    void aSignedCommandWithAModeThisBuildDoesNotKnowStillVerifiesAndIsNotPerformed() {
        CommandSigner signer = new CommandSigner("k".repeat(CommandSigner.MIN_KEY_BYTES).getBytes(StandardCharsets.UTF_8));
        ExecutionCommand newer = signer.sign(new ExecutionCommand("cmd-1", "corr-1", "d-1", "del-1", "s-1", "c-1", "h-1",
                "publish", "a-1", "key-1", Map.of("text", "hello"), Instant.parse("2027-01-02T10:00:00Z"), null,
                ExecutionMode.fromCode("shadow"), "platform-key"));
        byte[] written = serde(Topics.EXECUTION_COMMANDS).write(newer);

        ExecutionCommand read = readValid(Topics.EXECUTION_COMMANDS, written);

        assertThat(read.mode().code()).isEqualTo("shadow");
        assertThat(read.mode().known()).isFalse();
        assertThat(read.dryRun()).as("only live acts").isTrue();
        assertThat(signer.verify(read)).as("passed on as written, the signature over it still verifies").isTrue();
    }

    @Test
    void aResultWrittenBeforeCostsAndManualPublishingReadsAsTheKnownStatus() {
        ExecutionResult result = readValid(Topics.EXECUTION_RESULTS, "execution-result-v1-before-manual.json");

        assertThat(result.status()).isSameAs(ExecutionResult.Status.EXECUTED);
        assertThat(result.status().happened()).isTrue();
        assertThat(result.costMinor()).isZero();
    }

    @Test
    void aResultWithAStatusThisBuildDoesNotKnowIsKeptAsWrittenAndNeverCountsAsHappened() {
        ExecutionResult result = readValid(Topics.EXECUTION_RESULTS, "execution-result-v1-new-status.json");

        assertThat(result.status().code()).isEqualTo("reversed");
        assertThat(result.status().known()).isFalse();
        assertThat(result.status().happened()).isFalse();
        assertThat(writtenAgain(Topics.EXECUTION_RESULTS, result, "status")).isEqualTo("reversed");
    }

    @Test
    void aDecisionWithAModeThisBuildDoesNotKnowIsAllowedOnlyToBeDescribed() {
        ExecutionDecision decision = readValid(Topics.EXECUTION_DECISIONS, "execution-decision-v1-new-mode.json");

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.mode().code()).isEqualTo("shadow");
        assertThat(decision.dryRun()).as("an unknown mode acts less, never more").isTrue();
        assertThat(writtenAgain(Topics.EXECUTION_DECISIONS, decision, "mode")).isEqualTo("shadow");
    }

    @Test
    void aDecisionWrittenBeforeTheModeExistedWasLive() {
        ExecutionDecision decision = readValid(Topics.EXECUTION_DECISIONS, "execution-decision-v1-enforcement-2026-11.3.json");

        assertThat(decision.mode()).isIn(null, ExecutionMode.LIVE);
        assertThat(decision.dryRun()).isFalse();
        assertThat(ExecutionMode.fromCode(null)).isSameAs(ExecutionMode.LIVE);
    }

    @Test
    void aDenialWrittenBeforeItsInputsWereRecordedStillReads() {
        EnforcementDenial denial = readValid(Topics.ENFORCEMENT_DENIALS, "enforcement-denial-v1-before-inputs.json");

        assertThat(denial.reason()).isSameAs(ReasonCode.APPROVAL_MISSING);
        assertThat(denial.inputs()).isNull();
        assertThat(denial.policyVersion()).isEqualTo("enforcement/1");
    }

    @Test
    void aGoalRunSkipWrittenBeforeCostsAndChecksStillReads() {
        GoalRunDecision skip = readValid(Topics.GOAL_RUN_DECISIONS, "goal-run-decision-v1-before-cost.json");

        assertThat(skip.skipped()).isTrue();
        assertThat(skip.reason()).isSameAs(ReasonCode.NOT_CONFIGURED);
        assertThat(skip.costMinor()).isZero();
        assertThat(skip.runId()).isEqualTo("goal-1:daily:2026-11-20");
    }

    @Test
    void anAccessRecordWrittenBeforeClientCorrelationIdsStillReads() {
        AccessRecord access = readValid(Topics.ACCESS_RECORDS, "access-record-v1-before-client-correlation.json");

        assertThat(access.clientCorrelationId()).isNull();
        assertThat(access.status()).isEqualTo(403);
    }

    @Test
    void anAccessRecordOfANewerHopWithAPrincipalKindThisBuildDoesNotKnowIsKeptAsWritten() {
        AccessRecord access = readValid(Topics.ACCESS_RECORDS, "access-record-v1-new-kind.json");

        assertThat(access.principalKind()).isEqualTo("AUDITOR");
        assertThat(access.service()).isEqualTo("edge-proxy");
        assertThat(writtenAgain(Topics.ACCESS_RECORDS, access, "principal_kind")).isEqualTo("AUDITOR");
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
        assertThat(writtenAgain(Topics.APPROVALS, review, "verdict")).isEqualTo("escalated");
    }

    @Test
    void everyKnownStatusVerdictAndModeReadsAsItsOwnConstant() {
        for (ExecutionResult.Status status : ExecutionResult.Status.KNOWN.values()) {
            assertThat(ExecutionResult.Status.fromCode(status.code())).isSameAs(status);
            assertThat(status.known()).isTrue();
        }
        for (ApprovalEvent.Verdict verdict : ApprovalEvent.Verdict.KNOWN.values()) {
            assertThat(ApprovalEvent.Verdict.fromCode(verdict.code())).isSameAs(verdict);
            assertThat(verdict.known()).isTrue();
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
}
