package com.myagents.contracts.goals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunIdTest {

    private static final String GOAL = "7b0e5a52-3f4c-4c1e-9a55-0d8f2f1c2a10";

    @Test
    void aRunIdIsTheGoalAndItsPeriodAndGivesThePeriodBack() {
        for (String period : new String[] {"daily:2026-11-27", "weekly:2026-W48", "monthly:2026-11",
                GoalTrigger.onDemandPeriod("req:with:colons")}) {
            String runId = GoalTrigger.runId(GOAL, period);
            assertThat(runId).startsWith(GOAL + ":").endsWith(":" + period);
            assertThat(GoalTrigger.periodKeyOf(runId, GOAL)).isEqualTo(period);
        }
    }

    @Test
    void anOnDemandRunIsKeyedByItsRequestSoARetryRunsOnce() {
        assertThat(GoalTrigger.runId(GOAL, GoalTrigger.onDemandPeriod("r-1")))
                .isEqualTo(GoalTrigger.runId(GOAL, GoalTrigger.onDemandPeriod("r-1")))
                .isNotEqualTo(GoalTrigger.runId(GOAL, GoalTrigger.onDemandPeriod("r-2")));
    }

    @Test
    void aRunIdOfAnotherGoalIsNotReadAsAPeriod() {
        assertThat(GoalTrigger.periodKeyOf("other-goal:daily:2026-11-27", GOAL)).isEqualTo("other-goal:daily:2026-11-27");
        assertThat(GoalTrigger.periodKeyOf(GOAL + ":", GOAL)).isEqualTo(GOAL + ":");
    }
}
