package com.myagents.bench.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ExecuteMixTest {

    private final List<UUID> unapproved = List.of(UUID.randomUUID(), UUID.randomUUID());
    private final List<ExecuteMix.Approved> approved = IntStream.range(0, 30)
            .mapToObj(i -> new ExecuteMix.Approved(UUID.randomUUID(), "approval-" + i)).toList();

    @Test
    void aQuarterOfTheCallsUseEachApprovalOnceTheRestNone() {
        ExecuteMix mix = new ExecuteMix(0.25, unapproved, approved);

        List<ExecuteMix.Call> calls = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            calls.add(mix.next(i));
        }

        List<ExecuteMix.Call> allowed = calls.stream().filter(ExecuteMix.Call::expectAllowed).toList();
        assertThat(allowed).hasSize(25).extracting(ExecuteMix.Call::approvalId).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(calls.subList(0, 8)).filteredOn(ExecuteMix.Call::expectAllowed).hasSize(2);
        assertThat(calls).filteredOn(c -> !c.expectAllowed())
                .allSatisfy(c -> {
                    assertThat(c.approvalId()).isNull();
                    assertThat(unapproved).contains(c.deliverable());
                });
        assertThat(mix.shortOfApprovals()).isZero();
    }

    @Test
    void whenApprovalsRunOutTheCallsAreSentUnapprovedAndCounted() {
        ExecuteMix mix = new ExecuteMix(1.0, unapproved, approved.subList(0, 3));

        List<ExecuteMix.Call> calls = IntStream.range(0, 5).mapToObj(mix::next).toList();

        assertThat(calls).filteredOn(ExecuteMix.Call::expectAllowed).hasSize(3);
        assertThat(mix.shortOfApprovals()).isEqualTo(2);
    }

    @Test
    void approvalsNeededCoverTheRunWithALittleToSpare() {
        assertThat(ExecuteMix.approvalsNeeded(500, Duration.ofSeconds(70), 0.25)).isEqualTo(8_935);
        assertThat(ExecuteMix.approvalsNeeded(10, Duration.ofSeconds(1), 0)).isEqualTo(10);
    }

    @Test
    void refusesAMixItCannotServe() {
        assertThatThrownBy(() -> new ExecuteMix(1.5, unapproved, approved)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExecuteMix(0.5, List.of(), approved)).isInstanceOf(IllegalArgumentException.class);
    }
}
