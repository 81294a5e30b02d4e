package com.myagents.goals.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import com.myagents.contracts.goals.GoalChange;

/**
 * When a recurring goal is due: at {@code time_of_day} in the instance's IANA time zone on the
 * period's due day (daily: every day; weekly: the {@code weekday} setting of the ISO week, Monday
 * by default; monthly: the {@code day_of_month} setting, 1 by default, clamped to the month).
 * Local times follow {@link ZonedDateTime#of}: a time inside a spring-forward gap moves later by
 * the gap, an ambiguous fall-back time takes the earlier offset.
 */
public record Schedule(Frequency frequency, LocalTime timeOfDay, ZoneId zone, DayOfWeek weekday, int dayOfMonth) {

    public static final LocalTime DEFAULT_TIME_OF_DAY = LocalTime.of(9, 0);

    public Schedule {
        if (frequency == null || frequency == Frequency.ON_DEMAND) {
            throw new InvalidSchedule("only daily, weekly and monthly goals have a schedule, not " + frequency);
        }
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new InvalidSchedule("day_of_month must be 1..31, not " + dayOfMonth);
        }
    }

    /** Whether a goal with this frequency code is run by the scheduler at all (on-demand goals are not). */
    public static boolean recurring(String frequencyCode) {
        Frequency frequency = Frequency.fromCode(frequencyCode);
        return frequency != null && frequency != Frequency.ON_DEMAND;
    }

    /**
     * The schedule of a goal. The goal's own time zone wins; {@code fallbackZone} (the hired
     * instance's) is used when the goal has none, UTC when neither has one.
     *
     * @throws InvalidSchedule when the goal is not recurring or its time, zone or settings are invalid
     */
    public static Schedule of(GoalChange goal, String fallbackZone) {
        Frequency frequency = Frequency.fromCode(goal.frequency());
        if (frequency == null) {
            throw new InvalidSchedule("unknown frequency " + goal.frequency());
        }
        return new Schedule(frequency, timeOfDay(goal.timeOfDay()), zone(goal.timezone(), fallbackZone),
                weekday(goal.settings()), dayOfMonth(goal.settings()));
    }

    public Instant dueAt(Period period) {
        LocalDate day = period.dueDay(weekday, dayOfMonth);
        return ZonedDateTime.of(day, timeOfDay, zone).toInstant();
    }

    public Period periodContaining(Instant at) {
        return Period.containing(frequency, LocalDate.ofInstant(at, zone));
    }

    /** The most recent period whose due time is at or before {@code now}: what a late run catches up. */
    public Period latestDueAtOrBefore(Instant now) {
        Period period = periodContaining(now);
        while (dueAt(period).isAfter(now)) {
            period = period.previous();
        }
        return period;
    }

    /** The first period whose due time is strictly after {@code after}. */
    public Period firstDueAfter(Instant after) {
        Period period = periodContaining(after);
        while (!dueAt(period).isAfter(after)) {
            period = period.next();
        }
        return period;
    }

    private static LocalTime timeOfDay(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_TIME_OF_DAY;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeException e) {
            throw new InvalidSchedule("time_of_day must be HH:mm, not " + text);
        }
    }

    private static ZoneId zone(String own, String fallback) {
        String id = own != null && !own.isBlank() ? own : fallback;
        if (id == null || id.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw new InvalidSchedule("not an IANA time zone: " + id);
        }
    }

    private static DayOfWeek weekday(Map<String, Object> settings) {
        Object value = settings == null ? null : settings.get("weekday");
        if (value == null) {
            return DayOfWeek.MONDAY;
        }
        String code = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(java.util.Locale.ROOT).startsWith(code) && code.length() >= 3) {
                return day;
            }
        }
        throw new InvalidSchedule("weekday must be one of mon..sun, not " + value);
    }

    private static int dayOfMonth(Map<String, Object> settings) {
        Object value = settings == null ? null : settings.get("day_of_month");
        if (value == null) {
            return 1;
        }
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        throw new InvalidSchedule("day_of_month must be a whole number, not " + value);
    }

    /** A goal whose schedule cannot be computed; it is kept but never fires until it is corrected. */
    public static final class InvalidSchedule extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidSchedule(String message) {
            super(message);
        }
    }
}
