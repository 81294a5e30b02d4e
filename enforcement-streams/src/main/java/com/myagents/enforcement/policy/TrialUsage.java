package com.myagents.enforcement.policy;

import java.time.LocalDate;

/**
 * The trial actions one subscription has reserved on one day (UTC). A new day starts from zero,
 * so only the current day is kept.
 */
public record TrialUsage(LocalDate day, int actions) {

    public static final TrialUsage NONE = new TrialUsage(null, 0);

    public int actionsOn(LocalDate today) {
        return today.equals(day) ? actions : 0;
    }

    public TrialUsage reserveOne(LocalDate today) {
        return new TrialUsage(today, actionsOn(today) + 1);
    }
}
