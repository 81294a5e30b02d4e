package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.myagents.enforcement.stages.EnforcementStores;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.subscriptions.SubscriptionState;
import com.myagents.enforcement.policy.BudgetLedger;

/**
 * The price of every action is checked and reserved against the trial's daily spend or
 * the paid plan's monthly budget, and settled when the connector reports what really happened.
 * Prices in {@link Scenario}: publish and post 100.
 */
class BudgetRulesTest extends OnTheDriver {


    /** Requests at once, more than the cap has room for: exactly those that fit are allowed, each with a command or a denial. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("capsOverspentAtOnce")
    void concurrentRequestsCannotJointlyOverspendACap(String cap, SubscriptionState subscription, int requested, int fit,
            ReasonCode denial) {
        enforcement.subscription(subscription);
        enforcement.approveNumbered(requested);

        enforcement.sendNumbered(1, requested, "publish");

        List<ReasonCode> reasons = enforcement.reasons();
        assertThat(reasons).filteredOn(ReasonCode.ALLOWED::equals).hasSize(fit);
        assertThat(reasons).filteredOn(denial::equals).hasSize(requested - fit);
        assertThat(enforcement.commands()).hasSize(fit);
        assertThat(enforcement.denials()).hasSize(requested - fit).allSatisfy(d -> assertThat(d.value.reason()).isEqualTo(denial));
    }

    static Stream<Arguments> capsOverspentAtOnce() {
        return Stream.of(
                // a budget for 10 posts, 15 requested
                Arguments.of("paid monthly budget", Scenario.paid(1_000), 15, 10, ReasonCode.BUDGET_EXCEEDED),
                // a trial with 3 actions a day, 10 requested: the daily cap is reserved atomically
                Arguments.of("trial daily action cap", Scenario.inTrial(3), 10, 3, ReasonCode.TRIAL_CAP_EXCEEDED));
    }

    @Test
    void aBudgetDenialRecordsTheBudgetBeforeAndTheCost() {
        enforcement.subscription(Scenario.paid(150));
        enforcement.approveNumbered(2);

        enforcement.sendNumbered(1, 2, "publish");

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
        enforcement.approveNumbered(6);
        enforcement.sendNumbered(1, 3, "publish");

        // When the first really cost 20 (reported twice), 120 is committed: one more fits, not two
        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.EXECUTED, 20));
        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.EXECUTED, 20));
        enforcement.sendNumbered(4, 5, "publish");
        // and when the second failed, its 100 is released again
        enforcement.result(result("corr-2", "deliverable-2", ExecutionResult.Status.FAILED, 0));
        enforcement.send(request("corr-6", "deliverable-6", "approval-6"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED,
                ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED, ReasonCode.ALLOWED);
        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.spentThisMonth()).isEqualTo(20);
        assertThat(ledger.open()).containsOnlyKeys("corr-4", "corr-6");
        assertThat(ledger.committedThisMonth()).isEqualTo(220);
    }

    @Test
    void anExecutedActionWithoutAReportedCostIsChargedItsPrice() {
        enforcement.subscription(Scenario.paid(150));
        enforcement.approveNumbered(2);
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.EXECUTED, 0));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.spentThisMonth()).isEqualTo(100);
        assertThat(ledger.open()).isEmpty();
    }

    @Test
    void theBudgetStartsAfreshInANewMonth() {
        enforcement.subscription(Scenario.paid(100));
        enforcement.approveNumbered(3);
        enforcement.sendNumbered(1, 2, "publish");

        // 2026-11-27 09:00 → 2026-12-01
        enforcement.advance(Duration.between(EnforcementDriver.START, Instant.parse("2026-12-01T00:30:00Z")));
        enforcement.send(request("corr-3", "deliverable-3", "approval-3"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED, ReasonCode.ALLOWED);
    }

    @Test
    void aTrialCannotSpendMoreThanItsDailyCostCap() {
        // Given a trial with room for 100 actions but only 250 of spend a day
        enforcement.subscription(Scenario.trial(100, 10, 250));
        enforcement.approveNumbered(4);

        enforcement.sendNumbered(1, 3, "publish");
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
        enforcement.approveNumbered(3);
        enforcement.sendNumbered(1, 2, "publish");

        // the first was only a dry run: nothing was published, the day's one action is free again
        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.DRY_RUN, 0));
        enforcement.send(request("corr-3", "deliverable-3", "approval-3"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.TRIAL_CAP_EXCEEDED, ReasonCode.ALLOWED);
    }

    @Test
    void aResultWithAStatusThisBuildDoesNotKnowKeepsItsReservationHeld() {
        // a newer connector's status: whether the action happened is not known, so the budget is not given back
        enforcement.subscription(Scenario.paid(150));
        enforcement.approveNumbered(2);
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        enforcement.result(result("corr-1", "deliverable-1", ExecutionResult.Status.fromCode("reversed"), 0));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
        BudgetLedger ledger = enforcement.<BudgetLedger>store(EnforcementStores.BUDGET_LEDGER).get(Scenario.SUBSCRIPTION);
        assertThat(ledger.open()).containsOnlyKeys("corr-1");
    }

    @Test
    void aResultOfAnUnknownRequestOrSubscriptionChangesNothing() {
        enforcement.subscription(Scenario.paid(100));
        enforcement.approveNumbered(1);
        enforcement.result(result("corr-unknown", "deliverable-9", ExecutionResult.Status.FAILED, 0));
        enforcement.result(new ExecutionResult("r", "c", "corr-x", "deliverable-9", "sub-unknown",
                ExecutionResult.Status.FAILED, null, "k", 0, null, enforcement.now()));

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.ALLOWED);
    }

    static ExecutionResult result(String correlationId, String deliverableId, ExecutionResult.Status status, long cost) {
        return new ExecutionResult("result-" + correlationId, "command-" + correlationId, correlationId, deliverableId,
                Scenario.SUBSCRIPTION, status, null, "key-" + correlationId, cost, null, EnforcementDriver.START);
    }


}
