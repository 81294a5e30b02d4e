package com.myagents.enforcement;

import static com.myagents.enforcement.GoalRunMeteringTest.ask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.myagents.enforcement.stages.EnforcementStores;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunSettlement;
import com.myagents.enforcement.policy.BudgetLedger;

/**
 * A metered run is charged its price before it generates and settled at what generating
 * really cost (a model's tokens) afterwards — never above the price, and only once.
 * Prices in {@link Scenario}: a daily micro-post run costs 50.
 */
class GoalRunSettlementTest extends OnTheDriver {

    @Test
    void aRunIsSettledAtItsRealCostOnceAndTheRestOfThePriceIsFreeAgain() {
        // Given a budget of 100: two runs at 50 use it up
        enforcement.subscription(Scenario.paid(100));
        enforcement.askToRun(ask("run-1", Scenario.DAILY_POST));
        enforcement.askToRun(ask("run-2", Scenario.DAILY_POST));

        // When the first run reports it really cost 12 (twice: a redelivery)
        enforcement.settleRun(settlement("run-1", 12));
        enforcement.settleRun(settlement("run-1", 12));
        enforcement.askToRun(ask("run-3", Scenario.DAILY_POST));

        // Then 38 came back: not enough for a third run at 50, the ledger shows 62 spent
        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.spentThisMonth()).isEqualTo(62);
        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
    }

    @Test
    void aRunNeverCostsMoreThanItsPriceAndAnUnknownOrDeniedRunSettlesNothing() {
        enforcement.subscription(Scenario.paid(100));
        enforcement.askToRun(ask("run-1", Scenario.DAILY_POST));

        enforcement.settleRun(settlement("run-1", 900));
        enforcement.settleRun(settlement("run-unknown", 0));

        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.spentThisMonth()).isEqualTo(50);
    }

    private static GoalRunSettlement settlement(String runId, long cost) {
        return new GoalRunSettlement(runId, Scenario.SUBSCRIPTION, "goal-1", cost, 1000, 200, "ai:test",
                EnforcementDriver.START);
    }
}
