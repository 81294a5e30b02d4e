package com.myagents.goals.topology;

import static com.myagents.goals.Fixtures.daily;
import static com.myagents.goals.Fixtures.goal;
import static com.myagents.goals.Fixtures.id;
import static com.myagents.goals.Fixtures.marketingConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.myagents.contracts.execution.Outcome;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.goals.GoalRunDecision;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.Fixtures;

/** A due or requested run the runner does not run is recorded as a skipped goal run, with why, once per run id. */
class SkippedRunsTest extends OneGoalOnTheDriver {

    @BeforeEach
    void open() {
        driver = new GoalRunnerDriver(FRIDAY);
    }

    static HiredAgentChange instance(String hired, boolean configured, String subscriptionStatus, String trialStatus,
            Instant trialEndAt) {
        return new HiredAgentChange(hired, Fixtures.SUBSCRIPTION, Fixtures.CUSTOMER, "marketing.healthcare.v1", "1.0.0",
                "helper", "Asia/Kolkata", marketingConfig("en", List.of("linkedin")), configured, subscriptionStatus,
                trialStatus, trialEndAt, FRIDAY);
    }

    static Stream<Arguments> instancesThatMayNotRun() {
        Instant ended = FRIDAY.minus(Duration.ofDays(1));
        Instant later = FRIDAY.plus(Duration.ofDays(5));
        return Stream.of(
                Arguments.of("hired, never finalized", false, "active", "not_started", null, ReasonCode.NOT_FINALIZED),
                Arguments.of("finalized, configuration incomplete", false, "active", "active", later, ReasonCode.NOT_CONFIGURED),
                Arguments.of("trial window over", true, "active", "active", ended, ReasonCode.TRIAL_ENDED),
                Arguments.of("trial ended, not converted", true, "active", "ended_not_converted", ended, ReasonCode.TRIAL_ENDED),
                Arguments.of("cancelled", true, "cancelled", "ended_converted", null, ReasonCode.SUBSCRIPTION_INACTIVE),
                Arguments.of("no trial, no paid plan", true, "active", "not_eligible", null, ReasonCode.NOT_ELIGIBLE));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("instancesThatMayNotRun")
    void aScheduledRunOfAnInstanceThatMayNotRunIsRecordedSkippedOnceWithTheReason(String why, boolean configured,
            String subscriptionStatus, String trialStatus, Instant trialEndAt, ReasonCode reason) {
        driver.agent(instance(hired, configured, subscriptionStatus, trialStatus, trialEndAt));
        driver.goal(daily(goalId, hired, "09:00", null, FRIDAY));

        driver.tick(Duration.ofHours(4), Duration.ofMinutes(1));
        GoalTrigger due = driver.triggers().get(0);
        driver.trigger(due); // redelivered: still one record

        List<KeyValue<String, GoalRunDecision>> skips = driver.skips();
        assertThat(skips).hasSize(1);
        assertThat(skips.get(0).key).isEqualTo(goalId);
        GoalRunDecision skip = skips.get(0).value;
        assertThat(skip.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(skip.reason()).isEqualTo(reason);
        assertThat(skip.runId()).isEqualTo(goalId + ":daily:2026-11-27");
        assertThat(skip.trigger().dueAt()).isEqualTo(Instant.parse("2026-11-27T03:30:00Z"));
        assertThat(skip.detail()).isNotBlank();
        assertThat(skip.inputs()).containsEntry("trial_status", trialStatus);
        assertThat(driver.drafts()).isEmpty();
        assertThat(driver.runRequests()).as("nothing is metered for a run that cannot run").isEmpty();
    }

    @Test
    void aRunNowOfAPausedGoalIsRecordedSkippedAsGoalDisabled() {
        driver.agent(Fixtures.marketingAgent(hired, "Asia/Kolkata"));
        driver.goal(goal(goalId, hired, "marketing.daily_education_micropost", "daily", "09:00", null,
                Map.of("topics", List.of("sleep")), false, FRIDAY));

        GoalTrigger runNow = onDemand("req-1");
        driver.trigger(runNow);
        driver.trigger(runNow);

        assertThat(driver.skips()).extracting(kv -> kv.value.reason(), kv -> kv.value.runId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.GOAL_DISABLED, runNow.runId()));
        assertThat(driver.drafts()).isEmpty();
    }

    @Test
    void aRunNowOfAGoalWhoseTemplateCannotRunIsRecordedSkippedAsSettingsInvalid() {
        driver.agent(Fixtures.marketingAgent(hired, "Asia/Kolkata"));
        driver.goal(goal(goalId, hired, "marketing.no_such_template", "on_demand", null, null, Map.of(), true, FRIDAY));

        driver.trigger(onDemand("req-2"));

        assertThat(driver.skips()).extracting(kv -> kv.value.reason()).containsExactly(ReasonCode.SETTINGS_INVALID);
    }

    @Test
    void aRunOfAnInstanceNeverPublishedIsRecordedSkippedAsNotFinalized() {
        driver.goal(daily(goalId, hired, "09:00", null, FRIDAY));

        driver.trigger(onDemand("req-3"));

        assertThat(driver.skips()).extracting(kv -> kv.value.reason()).containsExactly(ReasonCode.NOT_FINALIZED);
    }

    @Test
    void aRunnableInstanceRecordsNoSkipAndADeletedGoalHasNothingToRecordOn() {
        driver.agent(Fixtures.marketingAgent(hired, "Asia/Kolkata"));
        driver.goal(daily(goalId, hired, "09:00", null, FRIDAY));
        driver.tick(Duration.ofHours(4), Duration.ofMinutes(1));
        assertThat(driver.drafts()).isNotEmpty();

        String gone = id();
        driver.trigger(new GoalTrigger(gone + ":on_demand:x", gone, null, hired, Fixtures.SUBSCRIPTION,
                Fixtures.CUSTOMER, "on_demand:x", driver.now()));

        assertThat(driver.skips()).isEmpty();
    }

    @Test
    void theSkippedPeriodIsNotRunLateButTheNextOneRunsOnceTheInstanceMay() {
        driver.agent(instance(hired, true, "active", "not_eligible", null));
        driver.goal(daily(goalId, hired, "09:00", null, FRIDAY));
        driver.tick(Duration.ofHours(4), Duration.ofMinutes(1));
        assertThat(driver.skips()).hasSize(1);

        driver.agent(instance(hired, true, "active", "ended_converted", null));
        driver.tick(Duration.ofHours(12), Duration.ofMinutes(10));
        assertThat(driver.drafts()).as("the skipped day is not run late").isEmpty();
        driver.tick(Duration.ofHours(12), Duration.ofMinutes(10));
        assertThat(driver.drafts()).isNotEmpty();
        assertThat(driver.skips()).isEmpty();
    }

    private GoalTrigger onDemand(String requestId) {
        return new GoalTrigger(goalId + ":on_demand:" + requestId, goalId, null, hired, Fixtures.SUBSCRIPTION,
                Fixtures.CUSTOMER, "on_demand:" + requestId, driver.now());
    }
}
