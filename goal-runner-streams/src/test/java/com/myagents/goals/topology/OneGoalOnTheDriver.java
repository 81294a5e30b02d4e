package com.myagents.goals.topology;

import static com.myagents.goals.Fixtures.id;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;

/** The setting of the topology tests: one goal of one hired instance on a {@link GoalRunnerDriver}, closed after each test. */
abstract class OneGoalOnTheDriver {

    /** A Friday; 09:00 is 03:30 UTC in Asia/Kolkata, 09:00 UTC in Europe/London, 14:00 UTC in America/New_York. */
    static final Instant FRIDAY = Instant.parse("2026-11-27T00:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    final String hired = id();
    final String goalId = id();
    GoalRunnerDriver driver;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }
}
