package com.myagents.goals.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.goals.GoalChange;

class ScheduleTest {

    static GoalChange goal(String frequency, String time, String zone, Map<String, Object> settings) {
        return new GoalChange("g", "t", null, "h", "s", "c", frequency, time, zone, settings, true, false, Instant.EPOCH);
    }

    @Test
    void periodKeysNameTheDayTheIsoWeekAndTheMonth() {
        assertThat(new Period.Daily(LocalDate.of(2026, 11, 27)).key()).isEqualTo("daily:2026-11-27");
        assertThat(Period.containing(Frequency.WEEKLY, LocalDate.of(2026, 11, 27)).key()).isEqualTo("weekly:2026-W48");
        assertThat(Period.containing(Frequency.WEEKLY, LocalDate.of(2027, 1, 1)).key())
                .as("ISO week-based year").isEqualTo("weekly:2026-W53");
        assertThat(Period.containing(Frequency.MONTHLY, LocalDate.of(2026, 11, 27)).key()).isEqualTo("monthly:2026-11");
        assertThat(new Period.Monthly(YearMonth.of(2026, 12)).next().key()).isEqualTo("monthly:2027-01");
        assertThat(new Period.Weekly(LocalDate.of(2026, 11, 23)).previous().key()).isEqualTo("weekly:2026-W47");
        assertThatThrownBy(() -> Period.containing(Frequency.ON_DEMAND, LocalDate.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDayOfMonthIsClampedToTheMonthsLastDayIncludingLeapFebruary() {
        Schedule onThe31st = Schedule.of(goal("monthly", "09:00", "UTC", Map.of("day_of_month", 31)), null);

        assertThat(onThe31st.dueAt(new Period.Monthly(YearMonth.of(2026, 2)))).isEqualTo(Instant.parse("2026-02-28T09:00:00Z"));
        assertThat(onThe31st.dueAt(new Period.Monthly(YearMonth.of(2028, 2)))).isEqualTo(Instant.parse("2028-02-29T09:00:00Z"));
        assertThat(onThe31st.dueAt(new Period.Monthly(YearMonth.of(2026, 4)))).isEqualTo(Instant.parse("2026-04-30T09:00:00Z"));
        assertThat(onThe31st.firstDueAfter(Instant.parse("2026-02-28T09:00:00Z")).key()).isEqualTo("monthly:2026-03");
    }

    @Test
    void weeklyGoalsAreDueOnTheirWeekdayOfTheIsoWeek() {
        Schedule fridays = Schedule.of(goal("weekly", "18:30", "Asia/Kolkata", Map.of("weekday", "fri")), null);

        Period week = fridays.latestDueAtOrBefore(Instant.parse("2026-11-29T00:00:00Z"));

        assertThat(week.key()).isEqualTo("weekly:2026-W48");
        assertThat(fridays.dueAt(week)).isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
        assertThat(fridays.latestDueAtOrBefore(Instant.parse("2026-11-27T12:59:59Z")).key()).isEqualTo("weekly:2026-W47");
    }

    @Test
    void localTimesInTheSpringGapMoveLaterAndAmbiguousOnesTakeTheEarlierOffset() {
        Schedule at0230 = Schedule.of(goal("daily", "02:30", "America/New_York", Map.of()), null);
        Schedule at0130 = Schedule.of(goal("daily", "01:30", "America/New_York", Map.of()), null);

        assertThat(at0230.dueAt(new Period.Daily(LocalDate.of(2026, 3, 8)))).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(at0130.dueAt(new Period.Daily(LocalDate.of(2026, 11, 1)))).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(at0130.firstDueAfter(Instant.parse("2026-11-01T05:30:00Z")).key())
                .as("the second 01:30 of the day is not a new period").isEqualTo("daily:2026-11-02");
    }

    @Test
    void theGoalsZoneWinsThenTheInstancesThenUtcAndMissingTimeIsNineOClock() {
        assertThat(Schedule.of(goal("daily", null, null, null), "Asia/Kolkata").zone().getId()).isEqualTo("Asia/Kolkata");
        assertThat(Schedule.of(goal("daily", null, "Europe/Berlin", null), "Asia/Kolkata").zone().getId())
                .isEqualTo("Europe/Berlin");
        Schedule defaults = Schedule.of(goal("daily", " ", null, null), null);
        assertThat(defaults.zone().getId()).isEqualTo("UTC");
        assertThat(defaults.timeOfDay()).isEqualTo(Schedule.DEFAULT_TIME_OF_DAY);
    }

    @Test
    void invalidSchedulesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Schedule.of(goal("hourly", "09:00", "UTC", null), null)).hasMessageContaining("hourly");
        assertThatThrownBy(() -> Schedule.of(goal("on_demand", "09:00", "UTC", null), null)).hasMessageContaining("on_demand".toUpperCase());
        assertThatThrownBy(() -> Schedule.of(goal("daily", "9 o'clock", "UTC", null), null)).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> Schedule.of(goal("daily", "09:00", "Mars/Olympus", null), null)).hasMessageContaining("IANA");
        assertThatThrownBy(() -> Schedule.of(goal("weekly", "09:00", "UTC", Map.of("weekday", "someday")), null))
                .hasMessageContaining("weekday");
        assertThatThrownBy(() -> Schedule.of(goal("monthly", "09:00", "UTC", Map.of("day_of_month", 32)), null))
                .hasMessageContaining("day_of_month");
        assertThatThrownBy(() -> Schedule.of(goal("monthly", "09:00", "UTC", Map.of("day_of_month", "first")), null))
                .hasMessageContaining("day_of_month");
        assertThat(Schedule.recurring("on_demand")).isFalse();
        assertThat(Schedule.recurring(null)).isFalse();
        assertThat(Schedule.recurring("weekly")).isTrue();
    }

    @Test
    void dueIndexKeysSortByTimeThenGoal() {
        String early = DueIndex.key(Instant.parse("2026-11-27T03:30:00Z"), "b");
        String late = DueIndex.key(Instant.parse("2026-11-27T03:30:00.001Z"), "a");

        assertThat(early).isLessThan(late);
        assertThat(DueIndex.lowest()).isLessThan(early);
        assertThat(DueIndex.upTo(Instant.parse("2026-11-27T03:30:00Z").toEpochMilli())).isGreaterThan(early).isLessThan(late);
    }
}
