package com.myagents.bench.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.myagents.bench.ceiling.SampleRecords;
import com.myagents.bench.enforcement.EnforcementWorkload.Kind;
import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.subscriptions.SubscriptionState;

class EnforcementWorkloadTest {

    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");
    private final EnforcementWorkload workload = new EnforcementWorkload(10_000, 0.5, 0.15, 10, 3);

    @Test
    void anyStretchOfRequestsHasTheConfiguredMix() {
        Map<Kind, Long> kinds = LongStream.range(7_000, 8_000).mapToObj(workload::kindOf)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(kinds.get(Kind.APPROVED)).isBetween(490L, 510L);
        assertThat(kinds.get(Kind.PAYLOAD_CHANGED)).isBetween(140L, 160L);
        assertThat(kinds.get(Kind.NO_APPROVAL)).isBetween(340L, 360L);
    }

    @Test
    void anApprovedRequestMatchesItsApprovalExactly() {
        long index = LongStream.range(0, 100).filter(i -> workload.kindOf(i) == Kind.APPROVED).findFirst().orElseThrow();

        ExecutionRequest request = workload.request(index);
        ApprovalEvent approval = workload.approvalFor(index, NOW);

        assertThat(SampleRecords.indexOf(request.correlationId())).isEqualTo(index);
        assertThat(request.approvalId()).isEqualTo(approval.approvalId());
        assertThat(request.deliverableId()).isEqualTo(approval.deliverableId());
        assertThat(request.subscriptionId()).isEqualTo(approval.subscriptionId());
        assertThat(request.payloadHash()).isEqualTo(approval.payloadHash()).isEqualTo(PayloadHash.of(request.payload()));
        assertThat(approval.verdict()).isEqualTo(ApprovalEvent.Verdict.APPROVED);
        assertThat(approval.expiresAt()).isAfter(NOW);
    }

    @Test
    void anEditedPayloadNoLongerHashesToItsApprovalAndAnUnapprovedRequestHasNone() {
        long changed = LongStream.range(0, 100).filter(i -> workload.kindOf(i) == Kind.PAYLOAD_CHANGED).findFirst().orElseThrow();
        long bare = LongStream.range(0, 100).filter(i -> workload.kindOf(i) == Kind.NO_APPROVAL).findFirst().orElseThrow();

        ExecutionRequest edited = workload.request(changed);
        assertThat(edited.payloadHash()).isEqualTo(PayloadHash.of(edited.payload()))
                .isNotEqualTo(workload.approvalFor(changed, NOW).payloadHash());
        assertThat(workload.request(bare).approvalId()).isNull();
        assertThat(workload.approvalFor(bare, NOW)).isNull();
    }

    @Test
    void everyTenthSubscriptionIsATrialWithACapTheOthersArePaid() {
        var states = workload.subscriptionStates(NOW);

        assertThat(states).hasSize(10_000);
        assertThat(states.stream().filter(s -> s.trialStatus().equals("active")).count()).isEqualTo(1_000);
        SubscriptionState trial = states.get(0);
        assertThat(trial.trialEndAt()).isAfter(NOW);
        assertThat(trial.trialActionsPerDay()).isEqualTo(3);
        assertThat(states.get(1).trialStatus()).isEqualTo("ended_converted");
        assertThat(states).allSatisfy(s -> assertThat(s.status()).isEqualTo("active"));
        assertThat(workload.subscriptionOf(10_001)).isEqualTo(states.get(1).subscriptionId());
    }

    @Test
    void refusesSharesThatDoNotFit() {
        assertThatThrownBy(() -> new EnforcementWorkload(10, 0.8, 0.3, 10, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnforcementWorkload(0, 0.5, 0.1, 10, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
