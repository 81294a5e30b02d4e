package com.myagents.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.execution.Action;
import com.myagents.contracts.execution.CheckResult;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.contracts.serde.JsonSerde;

class EventContractTest {

    static final ExecutionDecision DENIED = new ExecutionDecision("d-1", "corr-1", "del-1", "sub-1", "cust-1",
            "publish", null, Outcome.DENY, ReasonCode.APPROVAL_MISSING, "no approval_id",
            List.of(new CheckResult("approval_present", false, "no approval_id")), Map.of("approval_id", "none"),
            "enforcement/1", Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void decisionsAreWrittenAsSnakeCaseJsonWithWireCodesAndASchemaHeader() {
        SerializedRecord<ExecutionDecision> written = SerializedRecord.of(Topics.EXECUTION_DECISIONS, DENIED);

        assertThat(written.json()).contains("\"correlation_id\":\"corr-1\"", "\"reason\":\"approval_missing\"",
                "\"outcome\":\"deny\"", "\"decided_at\":\"2026-11-27T10:00:00Z\"", "\"policy_version\":\"enforcement/1\"");
        assertThat(written.schemaHeader()).isEqualTo("execution-decision/v1");
        assertThat(written.readBack()).isEqualTo(DENIED);
    }

    @Test
    void aNewerProducersExtraFieldsAreIgnoredButGarbageIsRejected() {
        var serde = (JsonSerde<ExecutionDecision>) Topics.EXECUTION_DECISIONS.valueSerde();
        byte[] newer = "{\"correlation_id\":\"c\",\"outcome\":\"allow\",\"reason\":\"allowed\",\"added_later\":1}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(serde.read(newer).allowed()).isTrue();
        assertThatThrownBy(() -> serde.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("execution-decision/v1");
        assertThat(serde.read(null)).isNull();
        assertThat(serde.write(null)).isNull();
        assertThat(serde.serializer().serialize("t", null)).isNull();
    }

    @Test
    void aDenialCarriesTheDecisionsIdsReasonAndInputs() {
        EnforcementDenial denial = EnforcementDenial.of(DENIED);

        assertThat(denial.denialId()).isEqualTo("d-1");
        assertThat(denial.correlationId()).isEqualTo("corr-1");
        assertThat(denial.subscriptionId()).isEqualTo("sub-1");
        assertThat(denial.reason()).isEqualTo(ReasonCode.APPROVAL_MISSING);
        assertThat(denial.inputs()).containsEntry("approval_id", "none");
    }

    @Test
    void everyTopicIsDeclaredOnceAndFoundByName() {
        var names = Topics.all().stream().map(Topic::name).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("myagents\\.[a-z-]+\\.v[0-9]+"));
        assertThat(Topics.byName(Topics.APPROVALS.name())).isSameAs(Topics.APPROVALS);
        assertThatThrownBy(() -> Topics.byName("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.SUBSCRIPTIONS.newTopic((short) 1).configs()).containsEntry("cleanup.policy", "compact");
        // one subscription has many deliverables: its approvals must not compact each other away
        assertThat(Topics.APPROVALS.newTopic((short) 1).configs()).containsEntry("cleanup.policy", "delete");
        assertThat(Topics.all()).as("the retired v1 approvals topic is not provisioned").doesNotContain(Topics.APPROVALS_V1);
        assertThat(Topics.ENFORCEMENT_DENIALS.newTopic((short) 1).configs()).containsEntry("cleanup.policy", "delete");
        assertThat(Topics.EXECUTION_REQUESTS.consumed()).isNotNull();
        assertThat(Topics.EXECUTION_REQUESTS.produced()).isNotNull();
    }

    @Test
    void wireCodesRoundTripAndUnknownActionsAreNotGuessed() {
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(ReasonCode.fromCode(reason.code())).isSameAs(reason);
        }
        assertThat(ReasonCode.fromCode("made_up").code()).isEqualTo("made_up");
        assertThat(ReasonCode.fromCode("made_up").known()).isFalse();
        assertThat(Action.fromCode("place_order")).isSameAs(Action.PLACE_ORDER);
        assertThat(Action.fromCode("delete_everything")).isNull();
        assertThat(Outcome.ALLOW.code()).isEqualTo("allow");
        assertThat(com.myagents.contracts.execution.ExecutionResult.Status.DRY_RUN.code()).isEqualTo("dry_run");
        assertThat(com.myagents.contracts.approvals.ApprovalEvent.Verdict.VOIDED.code()).isEqualTo("voided");
    }

    @Test
    void onlyConfiguredActiveInstancesInTrialOrPaidMayRun() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        HiredAgentChange inTrial = hired(true, "active", "active", now.plusSeconds(3600));

        assertThat(inTrial.runnable(now)).isTrue();
        assertThat(hired(false, "active", "active", now.plusSeconds(3600)).runnable(now)).isFalse();
        assertThat(hired(true, "cancelled", "active", now.plusSeconds(3600)).runnable(now)).isFalse();
        assertThat(hired(true, "active", "active", now.minusSeconds(1)).runnable(now)).isFalse();
        assertThat(hired(true, "active", "ended_converted", null).runnable(now)).isTrue();
        assertThat(hired(true, "active", "not_started", null).runnable(now)).isFalse();
    }

    private static HiredAgentChange hired(boolean configured, String status, String trial, Instant trialEnd) {
        return new HiredAgentChange("h", "s", "c", "marketing.healthcare.v1", "1.0.0", "n", "Asia/Kolkata",
                Map.of(), configured, status, trial, trialEnd, Instant.EPOCH);
    }
}
