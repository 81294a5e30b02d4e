package com.myagents.goals.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Suggested posting times in the instance's time zone: posts spread evenly over the days from the
 * first posting day on, at {@link #POSTING_TIME} local (a second post on the same day four hours
 * later), DST-correct like the scheduler. The first posting day is the run's local day if
 * {@link #POSTING_TIME} is still ahead, else the next day, so no slot lies before the run.
 */
final class PostingSlots {

    static final LocalTime POSTING_TIME = LocalTime.of(10, 0);
    private static final long HOURS_BETWEEN_SAME_DAY_POSTS = 4;

    private PostingSlots() {
    }

    static LocalDate firstPostingDay(Instant runAt, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(runAt, zone);
        return ZonedDateTime.of(day, POSTING_TIME, zone).toInstant().isAfter(runAt) ? day : day.plusDays(1);
    }

    /** The slot of the {@code index}-th of {@code perWeek} posts in the week starting {@code weekStart}. */
    static ZonedDateTime inWeek(LocalDate weekStart, ZoneId zone, int index, int perWeek) {
        long dayOffset = (long) index * 7 / perWeek;
        int sameDayBefore = 0;
        for (int earlier = 0; earlier < index; earlier++) {
            if ((long) earlier * 7 / perWeek == dayOffset) {
                sameDayBefore++;
            }
        }
        LocalTime time = POSTING_TIME.plusHours(HOURS_BETWEEN_SAME_DAY_POSTS * sameDayBefore);
        return ZonedDateTime.of(weekStart.plusDays(dayOffset), time, zone);
    }
}
