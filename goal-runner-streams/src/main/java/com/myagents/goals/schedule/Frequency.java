package com.myagents.goals.schedule;

import java.util.Locale;

/** How often a goal runs; the wire codes are those of the goal contract. */
public enum Frequency {
    DAILY, WEEKLY, MONTHLY, ON_DEMAND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The frequency with this wire code, or {@code null} for an unknown or missing one. */
    public static Frequency fromCode(String code) {
        for (Frequency frequency : values()) {
            if (frequency.code().equals(code)) {
                return frequency;
            }
        }
        return null;
    }
}
