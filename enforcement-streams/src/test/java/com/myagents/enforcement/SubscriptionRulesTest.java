package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.request;
import static com.myagents.enforcement.Scenario.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;

/** An approved request still needs an active subscription, an open trial with room left, or a paid plan. */
class SubscriptionRulesTest {

    /** Long enough for every approval to outlive the test's clock. */
    private static final Duration APPROVALS_VALID_FOR = Duration.ofDays(3);

    private final EnforcementDriver enforcement = new EnforcementDriver();

    @AfterEach
    void close() {
        enforcement.close();
    }

    @Test
    void deniesRequestOfAnUnknownSubscription() {
        enforcement.approveNumbered(1, APPROVALS_VALID_FOR);

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.SUBSCRIPTION_UNKNOWN);
    }

    @Test
    void deniesRequestOfACancelledSubscription() {
        enforcement.subscription(subscription("cancelled", "ended_converted", null, 0));
        enforcement.approveNumbered(1, APPROVALS_VALID_FOR);

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.SUBSCRIPTION_INACTIVE);
    }

    @Test
    void deniesRequestOfASubscriptionWithNeitherTrialNorPlan() {
        enforcement.subscription(subscription("active", "not_started", null, 5));
        enforcement.approveNumbered(1, APPROVALS_VALID_FOR);

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.SUBSCRIPTION_INACTIVE);
    }

    @Test
    void deniesRequestAfterTheTrialWindowClosed() {
        enforcement.subscription(subscription("active", "active", EnforcementDriver.START.plus(Duration.ofHours(2)), 5));
        enforcement.approveNumbered(1, APPROVALS_VALID_FOR);

        enforcement.advance(Duration.ofHours(3));
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.TRIAL_ENDED);
    }

    @Test
    void deniesRequestOfATrialThatEndedWithoutConversion() {
        enforcement.subscription(subscription("active", "ended_not_converted", EnforcementDriver.START, 5));
        enforcement.approveNumbered(1, APPROVALS_VALID_FOR);

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.TRIAL_ENDED);
    }

    @Test
    void deniesAnActionATrialMayNotTakeForReal() {
        // Given a trial that may publish and post, but not trade
        enforcement.subscription(Scenario.inTrial(5));
        enforcement.approveNumbered(1, APPROVALS_VALID_FOR);

        enforcement.send(request("corr-1", "deliverable-1", "place_order", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.TRIAL_ACTION_NOT_ALLOWED);
    }

    @Test
    void startsTheTrialCapAfreshOnTheNextDay() {
        enforcement.subscription(Scenario.inTrial(1));
        enforcement.approveNumbered(3, APPROVALS_VALID_FOR);
        enforcement.sendNumbered(1, 2, "publish");

        enforcement.advance(Duration.ofDays(1));
        enforcement.send(request("corr-3", "deliverable-3", "approval-3"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.TRIAL_CAP_EXCEEDED, ReasonCode.ALLOWED);
    }

    @Test
    void deniedRequestsReserveNothing() {
        enforcement.subscription(Scenario.inTrial(1));
        enforcement.approveNumbered(2, APPROVALS_VALID_FOR);
        enforcement.send(request("corr-1", "deliverable-1", "place_order", "approval-1"));

        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.TRIAL_ACTION_NOT_ALLOWED, ReasonCode.ALLOWED);
    }

    @Test
    void allowsAPaidSubscriptionWithoutTrialLimits() {
        // trial caps of zero do not apply to a paid plan: its budget does (three posts of 100 fit in 10 000)
        enforcement.subscription(subscription("active", "ended_converted", EnforcementDriver.START, 0));
        enforcement.approveNumbered(3, APPROVALS_VALID_FOR);

        enforcement.sendNumbered(1, 3, "post");

        List<KeyValue<String, ExecutionDecision>> decisions = enforcement.decisions();
        assertThat(decisions).extracting(d -> d.value.outcome()).containsOnly(Outcome.ALLOW).hasSize(3);
        assertThat(enforcement.commands()).hasSize(3);
    }


}
