package com.myagents.enforcement;

import static com.myagents.enforcement.GoalRunMeteringTest.ask;
import static com.myagents.enforcement.Scenario.approval;
import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.approvals.ApprovalEvent.Verdict;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.enforcement.policy.BudgetLedger;
import com.myagents.enforcement.stages.EnforcementStores;

/**
 * Runs of one subscription asking in one batch are decided one by one, in the batch's order, each
 * against the ledger as the runs before it left it: the same caps, charges and denials as if each
 * had asked alone, a run decided before is answered again without a second charge, and the
 * ledger is stored once for the batch. The daily micro-post costs 50 in {@link Scenario}.
 */
class GoalRunBatchMeteringTest extends OnTheDriver {

    @Test
    void aBatchStopsAtTheTrialCapToTheRunAndDeniesTheRestVisibly() {
        enforcement.subscription(Scenario.trial(5, 2, 1_000));

        enforcement.askToRunTogether(ask("run-1", Scenario.DAILY_POST), ask("run-2", Scenario.DAILY_POST),
                ask("run-3", Scenario.DAILY_POST), ask("run-4", Scenario.DAILY_POST));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.runId() + ":" + d.value.reason().code())
                .containsExactly("run-1:allowed", "run-2:allowed", "run-3:trial_cap_exceeded", "run-4:trial_cap_exceeded");
        assertThat(enforcement.denials()).extracting(d -> d.value.correlationId()).containsExactly("run-3", "run-4");
        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.goalRunsToday()).isEqualTo(2);
        assertThat(ledger.costToday()).isEqualTo(100);
    }

    @Test
    void aRunDecidedBeforeOrTwiceInABatchIsAnsweredAgainWithoutASecondCharge() {
        enforcement.subscription(Scenario.trial(5, 2, 1_000));
        enforcement.askToRun(ask("run-1", Scenario.DAILY_POST));

        enforcement.askToRunTogether(ask("run-1", Scenario.DAILY_POST), ask("run-2", Scenario.DAILY_POST),
                ask("run-2", Scenario.DAILY_POST));
        enforcement.askToRunTogether(ask("run-3", Scenario.DAILY_POST));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.runId() + ":" + d.value.reason().code())
                .containsExactly("run-1:allowed", "run-1:allowed", "run-2:allowed", "run-2:allowed",
                        "run-3:trial_cap_exceeded");
        assertThat(enforcement.denials()).extracting(d -> d.value.correlationId()).containsExactly("run-3");
        assertThat(enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION).goalRunsToday())
                .as("two runs charged, however often they asked").isEqualTo(2);
    }

    @Test
    void aBatchDrawsOnThePaidBudgetRunByRunAndActionsSeeWhatItTook() {
        // Given a budget of 200: two micro-post runs (50 each) of a batch fit, the third does not fit beside a post (100)
        enforcement.subscription(Scenario.paid(200));
        enforcement.approve(approval("approval-1", "deliverable-1", Verdict.APPROVED, EnforcementDriver.START.plus(Duration.ofDays(3))));
        enforcement.approve(approval("approval-2", "deliverable-2", Verdict.APPROVED, EnforcementDriver.START.plus(Duration.ofDays(3))));
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        enforcement.askToRunTogether(ask("run-1", Scenario.DAILY_POST), ask("run-2", Scenario.DAILY_POST),
                ask("run-3", Scenario.DAILY_POST));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
        assertThat(enforcement.decisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
    }

    @Test
    void aBatchOfAnUnknownSubscriptionIsDeniedRunByRun() {
        enforcement.askToRunTogether(ask("run-1", Scenario.DAILY_POST), ask("run-2", Scenario.DAILY_POST));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.SUBSCRIPTION_UNKNOWN, ReasonCode.SUBSCRIPTION_UNKNOWN);
        assertThat(enforcement.denials()).hasSize(2);
        assertThat(enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION)).isNull();
    }
}
