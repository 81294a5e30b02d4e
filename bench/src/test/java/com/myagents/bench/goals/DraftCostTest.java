package com.myagents.bench.goals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DraftCostTest {

    @Test
    void timesEveryStepOfOneRunWithTheGoalRunnersOwnPlannerAndAssembler() {
        DraftCost cost = DraftCost.measure(20);

        assertThat(cost.nanosPerOp()).containsOnlyKeys("plan post", "assemble draft (ids, canonical JSON, hash)",
                "write draft JSON", "read draft JSON").allSatisfy((op, nanos) -> assertThat(nanos).isPositive());
        assertThat(cost.perRun()).isEqualTo(cost.nanosPerOp().values().stream().mapToLong(Long::longValue).sum());
        assertThat(cost.describe()).contains("µs per run", "plan post", "runs/s per core");
    }
}
