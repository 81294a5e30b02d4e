package com.myagents.enforcement;

import static com.myagents.enforcement.Scenario.request;
import static com.myagents.enforcement.Scenario.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.subscriptions.SubscriptionState;

/** An approved request still needs an active subscription, an open trial with room left, or a paid plan. */
class SubscriptionRulesTest extends OnTheDriver {

    @Test
    void deniesRequestOfAnUnknownSubscription() {
        enforcement.approveNumbered(1);

        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.SUBSCRIPTION_UNKNOWN);
    }

    /** A publish request, approved, of a subscription in a state that may not act. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("subscriptionsThatMayNotAct")
    void deniesRequestOfASubscriptionThatMayNotAct(String state, SubscriptionState subscription, ReasonCode reason) {
        enforcement.subscription(subscription);
        enforcement.approveNumbered(1);

        enforcement.sendNumbered(1, 1, "publish");

        assertThat(enforcement.reasons()).containsExactly(reason);
    }

    static Stream<Arguments> subscriptionsThatMayNotAct() {
        return Stream.of(
                Arguments.of("cancelled", subscription("cancelled", "ended_converted", null, 0), ReasonCode.SUBSCRIPTION_INACTIVE),
                Arguments.of("neither trial nor plan", subscription("active", "not_started", null, 5),
                        ReasonCode.SUBSCRIPTION_INACTIVE),
                Arguments.of("trial ended without conversion", subscription("active", "ended_not_converted",
                        EnforcementDriver.START, 5), ReasonCode.TRIAL_ENDED));
    }

    @Test
    void deniesRequestAfterTheTrialWindowClosed() {
        enforcement.subscription(subscription("active", "active", EnforcementDriver.START.plus(Duration.ofHours(2)), 5));
        enforcement.approveNumbered(1);

        enforcement.advance(Duration.ofHours(3));
        enforcement.send(request("corr-1", "deliverable-1", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.TRIAL_ENDED);
    }

    @Test
    void deniesAnActionATrialMayNotTakeForReal() {
        // Given a trial that may publish and post, but not trade
        enforcement.subscription(Scenario.inTrial(5));
        enforcement.approveNumbered(1);

        enforcement.send(request("corr-1", "deliverable-1", "place_order", "approval-1"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.TRIAL_ACTION_NOT_ALLOWED);
    }

    @Test
    void startsTheTrialCapAfreshOnTheNextDay() {
        enforcement.subscription(Scenario.inTrial(1));
        enforcement.approveNumbered(3);
        enforcement.sendNumbered(1, 2, "publish");

        enforcement.advance(Duration.ofDays(1));
        enforcement.send(request("corr-3", "deliverable-3", "approval-3"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.ALLOWED, ReasonCode.TRIAL_CAP_EXCEEDED, ReasonCode.ALLOWED);
    }

    @Test
    void deniedRequestsReserveNothing() {
        enforcement.subscription(Scenario.inTrial(1));
        enforcement.approveNumbered(2);
        enforcement.send(request("corr-1", "deliverable-1", "place_order", "approval-1"));

        enforcement.send(request("corr-2", "deliverable-2", "approval-2"));

        assertThat(enforcement.reasons()).containsExactly(ReasonCode.TRIAL_ACTION_NOT_ALLOWED, ReasonCode.ALLOWED);
    }

    @Test
    void allowsAPaidSubscriptionWithoutTrialLimits() {
        // trial caps of zero do not apply to a paid plan: its budget does (three posts of 100 fit in 10 000)
        enforcement.subscription(subscription("active", "ended_converted", EnforcementDriver.START, 0));
        enforcement.approveNumbered(3);

        enforcement.sendNumbered(1, 3, "post");

        List<KeyValue<String, ExecutionDecision>> decisions = enforcement.decisions();
        assertThat(decisions).extracting(d -> d.value.outcome()).containsOnly(Outcome.ALLOW).hasSize(3);
        assertThat(enforcement.commands()).hasSize(3);
    }


}
