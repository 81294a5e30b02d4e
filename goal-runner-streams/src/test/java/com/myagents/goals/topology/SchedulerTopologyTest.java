package com.myagents.goals.topology;

import static com.myagents.goals.Fixtures.daily;
import static com.myagents.goals.Fixtures.goal;
import static com.myagents.goals.Fixtures.id;
import static com.myagents.goals.Fixtures.marketingAgent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.goals.GoalChange;
import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.Fixtures;

class SchedulerTopologyTest extends OneGoalOnTheDriver {

    /** A driver started at {@code start} with the daily 09:00 goal of a marketing instance, both in Asia/Kolkata. */
    private void startWithDailyGoalInKolkata(Instant start) {
        driver = new GoalRunnerDriver(start);
        driver.agent(marketingAgent(hired, "Asia/Kolkata"));
        driver.goal(daily(goalId, hired, "09:00", "Asia/Kolkata", start));
    }

    @Test
    void aDailyGoalFiresExactlyOncePerDayAtItsLocalTime() {
        startWithDailyGoalInKolkata(FRIDAY);

        driver.tick(Duration.ofHours(3).plusMinutes(29), MINUTE);
        assertThat(driver.triggers()).as("nothing before 09:00 local").isEmpty();

        driver.tick(Duration.ofHours(24).plusMinutes(2), MINUTE);

        List<GoalTrigger> triggers = driver.triggers();
        assertThat(triggers).extracting(GoalTrigger::runId)
                .containsExactly(goalId + ":daily:2026-11-27", goalId + ":daily:2026-11-28");
        assertThat(triggers).extracting(GoalTrigger::dueAt)
                .containsExactly(Instant.parse("2026-11-27T03:30:00Z"), Instant.parse("2026-11-28T03:30:00Z"));
        assertThat(triggers.get(0).periodKey()).isEqualTo("daily:2026-11-27");
        assertThat(triggers.get(0).hiredInstanceId()).isEqualTo(hired);
    }

    @Test
    void aDueRunBecomesOneDraftPerEnabledPlatform() {
        startWithDailyGoalInKolkata(FRIDAY);

        driver.tick(Duration.ofHours(4), MINUTE);

        assertThat(driver.drafts()).hasSize(6)
                .allSatisfy(kv -> assertThat(kv.value.runId()).isEqualTo(goalId + ":daily:2026-11-27"));
    }

    @Test
    void aRestartedRunnerDoesNotFireThePeriodAgainButFiresTheNextOne() {
        startWithDailyGoalInKolkata(FRIDAY);
        driver.tick(Duration.ofHours(4), MINUTE);
        assertThat(driver.triggers()).hasSize(1);
        assertThat(driver.drafts()).hasSize(6);

        driver.restart(Duration.ofMinutes(5));
        driver.tick(Duration.ofHours(2), MINUTE);
        driver.restart(Duration.ZERO);
        driver.tick(Duration.ofHours(2), MINUTE);

        assertThat(driver.triggers()).as("the period's mark survived both restarts").isEmpty();
        assertThat(driver.drafts()).isEmpty();

        driver.tick(Duration.ofHours(20), MINUTE);
        assertThat(driver.triggers()).extracting(GoalTrigger::periodKey).containsExactly("daily:2026-11-28");
    }

    @Test
    void aScheduleKeptAcrossARestartBeforeTheDueTimeStillFiresOnce() {
        startWithDailyGoalInKolkata(FRIDAY);
        driver.tick(Duration.ofHours(1), MINUTE);

        driver.restart(Duration.ofMinutes(1));
        driver.tick(Duration.ofHours(3), MINUTE);

        assertThat(driver.triggers()).extracting(GoalTrigger::periodKey).containsExactly("daily:2026-11-27");
    }

    @Test
    void runsMissedWhileDownAreCaughtUpOnceWithTheLatestPeriodOnly() {
        startWithDailyGoalInKolkata(FRIDAY);
        driver.tick(Duration.ofHours(4), MINUTE);
        assertThat(driver.triggers()).extracting(GoalTrigger::periodKey).containsExactly("daily:2026-11-27");

        driver.restart(Duration.ofDays(5));
        driver.tick(Duration.ofHours(6), MINUTE);

        List<GoalTrigger> caughtUp = driver.triggers();
        assertThat(caughtUp).extracting(GoalTrigger::periodKey).containsExactly("daily:2026-12-02");
        assertThat(caughtUp.get(0).dueAt()).isEqualTo(Instant.parse("2026-12-02T03:30:00Z"));
    }

    @Test
    void oneLongStallOfTheWallClockAlsoFiresOnlyOnce() {
        startWithDailyGoalInKolkata(FRIDAY);

        driver.jump(Duration.ofDays(3));
        driver.tick(Duration.ofHours(1), MINUTE);

        assertThat(driver.triggers()).as("Monday 00:00Z: Sunday's 09:00 IST is the latest missed period")
                .extracting(GoalTrigger::periodKey).containsExactly("daily:2026-11-29");
    }

    @Test
    void onSpringForwardAGoalInTheMissingHourRunsAnHourLaterAndOnce() {
        Instant saturday = Instant.parse("2026-03-07T12:00:00Z");
        driver = new GoalRunnerDriver(saturday);
        driver.agent(marketingAgent(hired, "America/New_York"));
        driver.goal(daily(goalId, hired, "02:30", "America/New_York", saturday));

        driver.tick(Duration.ofHours(19).plusMinutes(29), MINUTE);
        assertThat(driver.triggers()).as("02:30 does not exist on 2026-03-08; 03:30 EDT is 07:30Z").isEmpty();
        driver.tick(Duration.ofHours(24), MINUTE);

        List<GoalTrigger> triggers = driver.triggers();
        assertThat(triggers).extracting(GoalTrigger::periodKey).containsExactly("daily:2026-03-08", "daily:2026-03-09");
        assertThat(triggers).extracting(GoalTrigger::dueAt)
                .containsExactly(Instant.parse("2026-03-08T07:30:00Z"), Instant.parse("2026-03-09T06:30:00Z"));
    }

    @Test
    void onFallBackTheRepeatedHourFiresOnceAtTheEarlierOffset() {
        Instant saturday = Instant.parse("2026-10-31T12:00:00Z");
        String late = id();
        driver = new GoalRunnerDriver(saturday);
        driver.agent(marketingAgent(hired, "America/New_York"));
        driver.goal(daily(goalId, hired, "01:30", "America/New_York", saturday));
        driver.goal(daily(late, hired, "02:30", "America/New_York", saturday));

        driver.tick(Duration.ofHours(44), Duration.ofMinutes(10));

        List<GoalTrigger> triggers = driver.triggers();
        assertThat(triggers).filteredOn(t -> t.goalInstanceId().equals(goalId)).extracting(GoalTrigger::dueAt)
                .as("01:30 happens twice on 2026-11-01; the EDT one counts")
                .containsExactly(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
        assertThat(triggers).filteredOn(t -> t.goalInstanceId().equals(late)).extracting(GoalTrigger::dueAt)
                .containsExactly(Instant.parse("2026-11-01T07:30:00Z"), Instant.parse("2026-11-02T07:30:00Z"));
    }

    @Test
    void aMonthlyGoalOnThe31stRunsOnTheLastDayOfFebruary() {
        Instant start = Instant.parse("2026-01-30T00:00:00Z");
        driver = new GoalRunnerDriver(start);
        driver.agent(marketingAgent(hired, "UTC"));
        driver.goal(goal(goalId, hired, "marketing.monthly_campaign_pack", "monthly", "09:00", "UTC",
                Map.of("theme", "Heart health month", "posts_per_week", 1, "weeks", 1, "day_of_month", 31), true, start));

        driver.tick(Duration.ofDays(61), Duration.ofHours(1));

        assertThat(driver.triggers()).extracting(GoalTrigger::periodKey, GoalTrigger::dueAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("monthly:2026-01", Instant.parse("2026-01-31T09:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("monthly:2026-02", Instant.parse("2026-02-28T09:00:00Z")),
                org.assertj.core.groups.Tuple.tuple("monthly:2026-03", Instant.parse("2026-03-31T09:00:00Z")));
    }

    @Test
    void aWeeklyGoalFiresOnItsWeekdayOncePerIsoWeek() {
        driver = new GoalRunnerDriver(FRIDAY);
        driver.agent(marketingAgent(hired, "Asia/Kolkata"));
        driver.goal(goal(goalId, hired, "marketing.weekly_multichannel_batch", "weekly", "08:00", "Asia/Kolkata",
                Map.of("posts_per_week", 2), true, FRIDAY));

        driver.tick(Duration.ofDays(15), Duration.ofHours(1));

        assertThat(driver.triggers()).extracting(GoalTrigger::periodKey, GoalTrigger::dueAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("weekly:2026-W49", Instant.parse("2026-11-30T02:30:00Z")),
                org.assertj.core.groups.Tuple.tuple("weekly:2026-W50", Instant.parse("2026-12-07T02:30:00Z")));
    }

    @Test
    void aGoalCreatedAfterTodaysTimeWaitsForTomorrow() {
        Instant afternoon = Instant.parse("2026-11-27T10:00:00Z");
        startWithDailyGoalInKolkata(afternoon);

        driver.tick(Duration.ofHours(17), MINUTE);
        assertThat(driver.triggers()).isEmpty();
        driver.tick(Duration.ofHours(1), MINUTE);
        assertThat(driver.triggers()).extracting(GoalTrigger::periodKey).containsExactly("daily:2026-11-28");
    }

    @Test
    void disabledGoalsAndDeletedGoalsNeverFire() {
        String deleted = id();
        driver = new GoalRunnerDriver(FRIDAY);
        driver.agent(marketingAgent(hired, "Asia/Kolkata"));
        GoalChange enabled = daily(goalId, hired, "09:00", "Asia/Kolkata", FRIDAY);
        driver.goal(new GoalChange(goalId, enabled.goalTemplateId(), null, hired, Fixtures.SUBSCRIPTION, Fixtures.CUSTOMER,
                "daily", "09:00", "Asia/Kolkata", enabled.settings(), false, false, FRIDAY));
        driver.goal(daily(deleted, hired, "09:00", "Asia/Kolkata", FRIDAY));
        driver.deleteGoal(deleted);

        driver.tick(Duration.ofDays(3), Duration.ofMinutes(30));

        assertThat(driver.triggers()).isEmpty();
        assertThat(driver.drafts()).isEmpty();
        assertThat(driver.<Object>store(GoalRunnerStores.GOAL_SCHEDULES).get(deleted)).isNull();
    }

    @Test
    void duePeriodsOfInstancesThatMayNotRunFireOnceAndDraftNothingUntilTheNextPeriodOnceTheyMay() {
        HiredAgentChange cancelled = Fixtures.agent(hired, "marketing.healthcare.v1", "Asia/Kolkata",
                marketingAgent(hired, "Asia/Kolkata").config(), false);
        String orphan = id();
        driver = new GoalRunnerDriver(FRIDAY);
        driver.agent(cancelled);
        driver.goal(daily(goalId, hired, "09:00", "Asia/Kolkata", FRIDAY));
        driver.goal(daily(orphan, id(), "09:00", "Asia/Kolkata", FRIDAY));

        driver.tick(Duration.ofDays(2).plusHours(4), Duration.ofMinutes(30));
        assertThat(driver.triggers()).as("every due period fires, for the drafter to record why it did not run")
                .extracting(GoalTrigger::periodKey).containsOnly("daily:2026-11-27", "daily:2026-11-28", "daily:2026-11-29")
                .hasSize(6);
        assertThat(driver.drafts()).as("not runnable, and no instance known at all").isEmpty();
        assertThat(driver.skips()).hasSize(6);

        driver.agent(marketingAgent(hired, "Asia/Kolkata"));
        driver.tick(Duration.ofHours(12), Duration.ofMinutes(30));
        assertThat(driver.triggers()).as("the day already skipped is not fired late").isEmpty();
        driver.tick(Duration.ofHours(12), Duration.ofMinutes(30));
        assertThat(driver.triggers()).extracting(GoalTrigger::goalInstanceId).containsExactlyInAnyOrder(goalId, orphan);
        assertThat(driver.drafts()).isNotEmpty().allSatisfy(d -> assertThat(d.value.goalInstanceId()).isEqualTo(goalId));
    }

    @Test
    void onDemandGoalsAreNeverScheduled() {
        driver = new GoalRunnerDriver(FRIDAY);
        driver.agent(Fixtures.tradingAgent(hired));
        driver.goal(goal(goalId, hired, "trading.trade_intent_draft", "on_demand", null, null,
                Map.of("coin", "BTC", "intent", "enter", "side", "buy", "units", 1, "order_type", "market"), true, FRIDAY));

        driver.tick(Duration.ofDays(2), Duration.ofHours(1));

        assertThat(driver.triggers()).isEmpty();
    }

    @Test
    void changingTheTimeOfDayAfterTodaysRunDoesNotRunTodayAgainEvenAfterARestart() {
        startWithDailyGoalInKolkata(FRIDAY);
        driver.tick(Duration.ofHours(4), MINUTE);
        assertThat(driver.triggers()).hasSize(1);

        driver.goal(daily(goalId, hired, "18:00", "Asia/Kolkata", driver.now()));
        driver.restart(Duration.ofMinutes(1));
        driver.tick(Duration.ofHours(12), Duration.ofMinutes(10));
        assertThat(driver.triggers()).as("18:00 today is still period daily:2026-11-27, and its mark was restored").isEmpty();

        driver.tick(Duration.ofHours(24), Duration.ofMinutes(10));
        assertThat(driver.triggers()).extracting(GoalTrigger::dueAt).containsExactly(Instant.parse("2026-11-28T12:30:00Z"));
    }

    @Test
    void anEditArrivingAfterTheDueTimeButBeforeTheRunFiredDoesNotLoseThePeriod() {
        Instant justBeforeDue = Instant.parse("2026-11-27T03:29:59.900Z");
        startWithDailyGoalInKolkata(justBeforeDue);

        driver.advance(Duration.ofMillis(200));
        driver.goal(goal(goalId, hired, "marketing.daily_education_micropost", "daily", "09:00", "Asia/Kolkata",
                Map.of("topics", List.of("sleep")), true, driver.now()));
        driver.tick(Duration.ofMinutes(5), MINUTE);

        assertThat(driver.triggers()).extracting(GoalTrigger::periodKey).containsExactly("daily:2026-11-27");
    }
}
