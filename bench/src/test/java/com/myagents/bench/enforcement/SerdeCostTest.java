package com.myagents.bench.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerdeCostTest {

    @Test
    void timesEveryJsonStepOfAnAllowedDecisionBuiltByThePolicyCode() {
        SerdeCost cost = SerdeCost.measure(new EnforcementWorkload(100, 0.5, 0.15, 10, 1), 50);

        assertThat(cost.nanosPerOp()).containsOnlyKeys("read request", "read approval (store)",
                "read subscription (store)", "write used approval (store)",
                "read + write budget ledger (store)",
                "write decision", "sign + write command").allSatisfy((op, nanos) -> assertThat(nanos).isPositive());
        assertThat(cost.perDecision()).isEqualTo(cost.nanosPerOp().values().stream().mapToLong(Long::longValue).sum());
        assertThat(cost.decisionsPerCoreSecond()).isEqualTo(1e9 / cost.perDecision());
        assertThat(cost.describe()).contains("µs per allowed decision", "read request", "decisions/s per core");
    }
}
