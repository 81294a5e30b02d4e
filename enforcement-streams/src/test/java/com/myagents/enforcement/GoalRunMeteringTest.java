package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.approval;
import static com.myagents.enforcement.Scenario.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import com.myagents.enforcement.stages.EnforcementStores;
import com.myagents.contracts.approvals.ApprovalEvent.Verdict;
import com.myagents.contracts.execution.EnforcementDenial;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalRunRequest;
import com.myagents.contracts.goals.GoalTrigger;

/**
 * A goal run that costs is checked and charged against the same
 * trial caps and budget as actions, before anything is generated; a denied run is an auditable
 * denial. The daily micro-post costs 50 in {@link Scenario}.
 */
class GoalRunMeteringTest extends OnTheDriver {

    @Test
    void aTrialRunsAsManyGoalsADayAsItsCapAndDeniesTheRestVisibly() {
        enforcement.subscription(Scenario.trial(5, 2, 1_000));

        for (int i = 1; i <= 3; i++) {
            enforcement.askToRun(ask("run-" + i, Scenario.DAILY_POST));
        }

        List<KeyValue<String, GoalRunDecision>> decisions = enforcement.goalRunDecisions();
        assertThat(decisions).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.ALLOWED, ReasonCode.TRIAL_CAP_EXCEEDED);
        assertThat(decisions).extracting(d -> d.key).containsOnly("goal-1");
        assertThat(decisions.get(0).value.costMinor()).isEqualTo(50);
        assertThat(decisions.get(2).value.detail()).contains("2 of 2 trial goal runs");
        List<KeyValue<String, EnforcementDenial>> denials = enforcement.denials();
        assertThat(denials).hasSize(1);
        EnforcementDenial denial = denials.get(0).value;
        assertThat(denials.get(0).key).isEqualTo(Scenario.SUBSCRIPTION);
        assertThat(denial.correlationId()).isEqualTo("run-3");
        assertThat(denial.action()).isEqualTo("goal_run");
        assertThat(denial.reason()).isEqualTo(ReasonCode.TRIAL_CAP_EXCEEDED);
        assertThat(denial.customerId()).isEqualTo(Scenario.CUSTOMER);
    }

    @Test
    void askingAgainForTheSameRunGetsTheFirstAnswerWithoutASecondChargeOrDenial() {
        enforcement.subscription(Scenario.trial(5, 1, 1_000));
        enforcement.askToRun(ask("run-1", Scenario.DAILY_POST));
        enforcement.askToRun(ask("run-2", Scenario.DAILY_POST));

        enforcement.askToRun(ask("run-1", Scenario.DAILY_POST));
        enforcement.askToRun(ask("run-2", Scenario.DAILY_POST));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.runId() + ":" + d.value.reason().code())
                .containsExactly("run-1:allowed", "run-2:trial_cap_exceeded", "run-1:allowed", "run-2:trial_cap_exceeded");
        assertThat(enforcement.denials()).hasSize(1);
    }

    @Test
    void aRunIsRememberedAsLongAsItsTriggerCanBeRedeliveredAndThenForgotten() {
        enforcement.subscription(Scenario.trial(5, 5, 1_000));
        enforcement.askToRun(ask("run-1", Scenario.DAILY_POST));
        var metered = enforcement.<GoalRunDecision>store(EnforcementStores.METERED_RUNS);
        enforcement.advance(Duration.ofDays(6));
        assertThat(metered.get("run-1")).isNotNull();

        enforcement.advance(Duration.ofDays(2));

        assertThat(metered.get("run-1")).isNull();
    }

    @Test
    void goalRunsAndActionsDrawOnOnePaidBudget() {
        // Given a budget of 200: a post (100) and two micro-post runs (50 each) use it up
        enforcement.subscription(Scenario.paid(200));
        enforcement.approve(approval("approval-1", "deliverable-1", Verdict.APPROVED, EnforcementDriver.START.plus(Duration.ofDays(3))));
        enforcement.approve(approval("approval-2", "deliverable-2", Verdict.APPROVED, EnforcementDriver.START.plus(Duration.ofDays(3))));
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));
        enforcement.askToRun(ask("run-1", Scenario.DAILY_POST));
        enforcement.askToRun(ask("run-2", Scenario.DAILY_POST));

        enforcement.askToRun(ask("run-3", Scenario.DAILY_POST));
        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
        assertThat(enforcement.decisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.BUDGET_EXCEEDED);
    }

    @Test
    void aRunOfAnUnknownOrEndedSubscriptionIsDenied() {
        enforcement.askToRun(ask("run-1", Scenario.DAILY_POST));
        enforcement.subscription(Scenario.subscription("active", "ended_not_converted", EnforcementDriver.START, 5));
        enforcement.askToRun(ask("run-2", Scenario.DAILY_POST));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.SUBSCRIPTION_UNKNOWN, ReasonCode.TRIAL_ENDED);
        assertThat(enforcement.denials()).hasSize(2);
    }

    @Test
    void aTemplateWithoutAPriceCostsNothingButStillCountsAgainstTheTrialRuns() {
        enforcement.subscription(Scenario.trial(5, 1, 0));

        enforcement.askToRun(ask("run-1", "marketing.unpriced"));
        enforcement.askToRun(ask("run-2", "marketing.unpriced"));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.reason())
                .containsExactly(ReasonCode.ALLOWED, ReasonCode.TRIAL_CAP_EXCEEDED);
    }

    @Test
    void aMalformedRunRequestIsDenied() {
        enforcement.subscription(Scenario.trial(5, 5, 1_000));

        enforcement.askToRun(new GoalRunRequest(new GoalTrigger("run-1", "goal-1", null, "hired-1", Scenario.SUBSCRIPTION,
                Scenario.CUSTOMER, "daily:2026-11-27", EnforcementDriver.START), EnforcementDriver.START));

        assertThat(enforcement.goalRunDecisions()).extracting(d -> d.value.reason()).containsExactly(ReasonCode.MALFORMED_REQUEST);
    }

    static GoalRunRequest ask(String runId, String template) {
        return new GoalRunRequest(new GoalTrigger(runId, "goal-1", template, "hired-1", Scenario.SUBSCRIPTION,
                Scenario.CUSTOMER, "daily:2026-11-27", EnforcementDriver.START), EnforcementDriver.START);
    }
}
