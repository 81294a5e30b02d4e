package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.approval;
import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.myagents.enforcement.stages.EnforcementStores;
import com.myagents.contracts.approvals.ApprovalEvent.Verdict;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.enforcement.policy.BudgetLedger;

/**
 * The price of every action is checked and reserved against the trial's daily spend or
 * the paid plan's monthly budget, and settled when the connector reports what really happened.
 * Prices in {@link Scenario}: publish and post 100.
 */
class BudgetRulesTest {

    private final EnforcementDriver enforcement = new EnforcementDriver();

    @AfterEach
    void close() {
        enforcement.close();
    }

    @Test
    void concurrentRequestsCannotJointlyOverspendAPaidBudget() {
        // Given a budget for 10 posts and 15 approved posts requested at once
        enforcement.subscription(Scenario.paid(1_000));
        approveDeliverables(15);

        for (int i = 1; i <= 15; i++) {
            enforcement.send(request("corr-" + i, "deliverable-" + i, "approval-" + i));
        }

        List<ReasonCode> reasons = reasons();
        assertThat(reasons).filteredOn(ReasonCode.ALLOWED::equals).hasSize(10);
        assertThat(reasons).filteredOn(ReasonCode.BUDGET_EXCEEDED::equals).hasSize(5);
        assertThat(enforcement.commands()).hasSize(10);
        assertThat(enforcement.denials()).hasSize(5).allSatisfy(d -> assertThat(d.value.reason()).isEqualTo(ReasonCode.BUDGET_EXCEEDED));
    }

    @Test
    void aBudgetDenialRecordsTheBudgetBeforeAndTheCost() {
        enforcement.subscription(Scenario.paid(150));
        approveDeliverables(2);

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        List<ExecutionDecision> decisions = enforcement.decisions().stream().map(d -> d.value).toList();
        assertThat(decisions.get(0).inputs()).containsEntry("budget_committed_before", 0)
                .containsEntry("budget_committed_after", 100).containsEntry("cost_minor", 100);
        assertThat(decisions.get(1).reason()).isEqualTo(ReasonCode.BUDGET_EXCEEDED);
        assertThat(decisions.get(1).inputs()).containsEntry("budget_committed_before", 100)
                .containsEntry("budget_minor_per_month", 150);
        assertThat(decisions.get(1).checks()).anySatisfy(c -> assertThat(c.check()).isEqualTo("budget_reserved"));
    }

    @Test
    void connectorResultsSettleReservationsAtTheirRealCostOrReleaseThem() {
        // Given a budget of 250: two posts hold 200, a third does not fit
        enforcement.subscription(Scenario.paid(250));
        approveDeliverables(6);
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));
        enforcement.send(request("corr-3", "deliverable-3", "approval-3"));

        // When the first really cost 20 (reported twice), 120 is committed: one more fits, not two
        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.EXECUTED, 20));
        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.EXECUTED, 20));
        enforcement.send(request("corr-4", "deliverable-4", "approval-4"));
        enforcement.send(request("corr-5", "deliverable-5", "approval-5"));
        // and when the second failed, its 100 is released again
        enforcement.result(result("corr-2", "deliverable-2", ExecutionResult.Status.FAILED, 0));
        enforcement.send(request("corr-6", "deliverable-6", "approval-6"));

        assertThat(reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED,
                ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED, ReasonCode.ALLOWED);
        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.spentThisMonth()).isEqualTo(20);
        assertThat(ledger.open()).containsOnlyKeys("corr-4", "corr-6");
        assertThat(ledger.committedThisMonth()).isEqualTo(220);
    }

    @Test
    void anExecutedActionWithoutAReportedCostIsChargedItsPrice() {
        enforcement.subscription(Scenario.paid(150));
        approveDeliverables(2);
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.EXECUTED, 0));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        assertThat(reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.spentThisMonth()).isEqualTo(100);
        assertThat(ledger.open()).isEmpty();
    }

    @Test
    void theBudgetStartsAfreshInANewMonth() {
        enforcement.subscription(Scenario.paid(100));
        approveDeliverables(3);
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        // 2026-11-27 09:00 → 2026-12-01
        enforcement.advance(Duration.between(EnforcementDriver.START, Instant.parse("2026-12-01T00:30:00Z")));
        enforcement.send(request("corr-3", "deliverable-3", "approval-3"));

        assertThat(reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED, ReasonCode.ALLOWED);
    }

    @Test
    void aTrialCannotSpendMoreThanItsDailyCostCap() {
        // Given a trial with room for 100 actions but only 250 of spend a day
        enforcement.subscription(Scenario.trial(100, 10, 250));
        approveDeliverables(4);

        for (int i = 1; i <= 3; i++) {
            enforcement.send(request("corr-" + i, "deliverable-" + i, "approval-" + i));
        }
        enforcement.advance(Duration.ofDays(1));
        enforcement.send(request("corr-4", "deliverable-4", "approval-4"));

        List<ExecutionDecision> decisions = enforcement.decisions().stream().map(d -> d.value).toList();
        assertThat(decisions).extracting(ExecutionDecision::reason).containsExactly(ReasonCode.ALLOWED, ReasonCode.ALLOWED,
                ReasonCode.TRIAL_CAP_EXCEEDED, ReasonCode.ALLOWED);
        assertThat(decisions.get(2).detail()).contains("250 a day");
        assertThat(decisions.get(2).inputs()).containsEntry("trial_cost_today_before", 200);
    }

    @Test
    void anActionThatDidNotHappenGivesItsTrialActionBack() {
        enforcement.subscription(Scenario.trial(1, 10, 1_000));
        approveDeliverables(3);
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        // the first was only a dry run: nothing was published, the day's one action is free again
        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.DRY_RUN, 0));
        enforcement.send(request("corr-3", "deliverable-3", "approval-3"));

        assertThat(reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.TRIAL_CAP_EXCEEDED, ReasonCode.ALLOWED);
    }

    @Test
    void aResultWithAStatusThisBuildDoesNotKnowKeepsItsReservationHeld() {
        // a newer connector's status: whether the action happened is not known, so the budget is not given back
        enforcement.subscription(Scenario.paid(150));
        approveDeliverables(2);
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.fromCode("reversed"), 0));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        assertThat(reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.open()).containsOnlyKeys("corr-1");
    }

    @Test
    void aResultOfAnUnknownRequestOrSubscriptionChangesNothing() {
        enforcement.subscription(Scenario.paid(100));
        approveDeliverables(1);
        enforcement.result(result("corr-unknown", "deliverable-9", ExecutionResult.Status.FAILED, 0));
        enforcement.result(new ExecutionResult("r", "c", "corr-x", "deliverable-9", "sub-unknown",
                ExecutionResult.Status.FAILED, null, "k", 0, null, enforcement.now()));

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(reasons()).containsExactly(ReasonCode.ALLOWED);
    }

    static ExecutionResult result(String correlationId, String deliverableId, ExecutionResult.Status status, long cost) {
        return new ExecutionResult("result-" + correlationId, "command-" + correlationId, correlationId, deliverableId,
                Scenario.SUBSCRIPTION, status, null, "key-" + correlationId, cost, null, EnforcementDriver.START);
    }

    private void approveDeliverables(int count) {
        for (int i = 1; i <= count; i++) {
            enforcement.approve(approval("approval-" + i, "deliverable-" + i, Verdict.APPROVED,
                    EnforcementDriver.START.plus(Duration.ofDays(40))));
        }
    }

    private List<ReasonCode> reasons() {
        return enforcement.decisions().stream().map(d -> d.value.reason()).toList();
    }
}
