package com.myagents.goals.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * One period of a recurring goal, named by its key ({@code daily:2026-11-27}, {@code weekly:2026-W48},
 * {@code monthly:2026-11}). A goal runs at most once per period: the key is half of the run id.
 */
public sealed interface Period permits Period.Daily, Period.Weekly, Period.Monthly {

    String key();

    /** The period {@code periods} after this one (before it when negative). */
    Period plus(long periods);

    default Period next() {
        return plus(1);
    }

    default Period previous() {
        return plus(-1);
    }

    /** The local day of this period on which the goal is due. */
    LocalDate dueDay(DayOfWeek weekday, int dayOfMonth);

    static Period containing(Frequency frequency, LocalDate day) {
        return switch (frequency) {
            case DAILY -> new Daily(day);
            case WEEKLY -> new Weekly(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case MONTHLY -> new Monthly(YearMonth.from(day));
            case ON_DEMAND -> throw new IllegalArgumentException("on-demand goals have no periods");
        };
    }

    /** The ISO week of a day, as in {@code 2026-W48}: week-based year, so 2027-01-01 is in 2026-W53. */
    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    record Daily(LocalDate day) implements Period {
        @Override
        public String key() {
            return "daily:" + day;
        }

        @Override
        public Period plus(long periods) {
            return new Daily(day.plusDays(periods));
        }

        @Override
        public LocalDate dueDay(DayOfWeek weekday, int dayOfMonth) {
            return day;
        }
    }

    /** An ISO week, Monday to Sunday. */
    record Weekly(LocalDate monday) implements Period {
        @Override
        public String key() {
            return "weekly:" + isoWeek(monday);
        }

        @Override
        public Period plus(long periods) {
            return new Weekly(monday.plusWeeks(periods));
        }

        @Override
        public LocalDate dueDay(DayOfWeek weekday, int dayOfMonth) {
            return monday.with(TemporalAdjusters.nextOrSame(weekday));
        }
    }

    record Monthly(YearMonth month) implements Period {
        @Override
        public String key() {
            return "monthly:" + month;
        }

        @Override
        public Period plus(long periods) {
            return new Monthly(month.plusMonths(periods));
        }

        /** A day of month past the month's end means its last day: the 31st is Feb 28 (or 29). */
        @Override
        public LocalDate dueDay(DayOfWeek weekday, int dayOfMonth) {
            return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
        }
    }
}
