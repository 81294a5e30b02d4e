package com.myagents.goals.topology;

import static com.myagents.goals.Fixtures.daily;
import static com.myagents.goals.Fixtures.marketingConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.goals.GoalTrigger;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.Fixtures;
import com.myagents.goals.schedule.ScheduledGoal;

/** A goal without a time zone of its own runs in its instance's current zone; one with its own keeps it. */
class GoalZoneFollowsInstanceTest extends OneGoalOnTheDriver {

    @BeforeEach
    void open() {
        driver = new GoalRunnerDriver(FRIDAY);
    }

    @Test
    void whenTheInstanceMovesToAnotherZoneTheGoalsNextDueTimeMovesWithIt() {
        driver.agent(instanceIn("Asia/Kolkata"));
        driver.goal(daily(goalId, hired, "09:00", null, FRIDAY));
        assertThat(nextDue()).isEqualTo(Instant.parse("2026-11-27T03:30:00Z"));

        driver.advance(Duration.ofHours(1));
        driver.agent(instanceIn("Europe/London"));
        driver.tick(Duration.ofMinutes(2), MINUTE);
        assertThat(nextDue()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));

        driver.tick(Duration.ofHours(9), MINUTE);
        assertThat(driver.triggers()).extracting(GoalTrigger::dueAt).containsExactly(Instant.parse("2026-11-27T09:00:00Z"));
    }

    @Test
    void aGoalWithItsOwnZoneStaysOnItWhenTheInstanceMoves() {
        driver.agent(instanceIn("Asia/Kolkata"));
        driver.goal(daily(goalId, hired, "09:00", "Asia/Kolkata", FRIDAY));

        driver.advance(Duration.ofHours(1));
        driver.agent(instanceIn("Europe/London"));
        driver.tick(Duration.ofHours(9), MINUTE);

        assertThat(driver.triggers()).extracting(GoalTrigger::dueAt).containsExactly(Instant.parse("2026-11-27T03:30:00Z"));
    }

    @Test
    void aDayAlreadyRunIsNotRunAgainWhenTheNewZoneBringsItsTimeLater() {
        driver.agent(instanceIn("Asia/Kolkata"));
        driver.goal(daily(goalId, hired, "09:00", null, FRIDAY));
        driver.tick(Duration.ofHours(5), MINUTE);
        assertThat(driver.triggers()).extracting(GoalTrigger::periodKey).containsExactly("daily:2026-11-27");

        driver.agent(instanceIn("America/New_York"));
        driver.tick(Duration.ofHours(34), Duration.ofMinutes(10));

        assertThat(driver.triggers()).extracting(GoalTrigger::dueAt)
                .as("Friday ran in Kolkata; Saturday runs at 09:00 in New York")
                .containsExactly(Instant.parse("2026-11-28T14:00:00Z"));
    }

    @Test
    void anInstanceChangeNoticedLateNeverFiresAPastPeriod() {
        driver.agent(instanceIn("America/New_York"));
        driver.goal(daily(goalId, hired, "09:00", null, FRIDAY));
        driver.advance(Duration.ofHours(5));

        // a change made hours ago, only now arriving: 09:00 in Kolkata passed meanwhile
        driver.agent(new HiredAgentChange(hired, Fixtures.SUBSCRIPTION, Fixtures.CUSTOMER, "marketing.healthcare.v1",
                "1.0.0", "helper", "Asia/Kolkata", marketingConfig("en", List.of("linkedin")), true, "active",
                "ended_converted", null, FRIDAY));
        driver.tick(Duration.ofHours(12), Duration.ofMinutes(10));

        assertThat(driver.triggers()).isEmpty();
        assertThat(nextDue()).isEqualTo(Instant.parse("2026-11-28T03:30:00Z"));
    }

    private Instant nextDue() {
        ScheduledGoal goal = driver.<ScheduledGoal>store(GoalRunnerStores.GOAL_SCHEDULES).get(goalId);
        return goal.nextDueAt();
    }

    private HiredAgentChange instanceIn(String zone) {
        return new HiredAgentChange(hired, Fixtures.SUBSCRIPTION, Fixtures.CUSTOMER, "marketing.healthcare.v1", "1.0.0",
                "helper", zone, marketingConfig("en", List.of("linkedin")), true, "active", "ended_converted", null,
                driver.now());
    }
}
