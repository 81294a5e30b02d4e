package com.myagents.goals.schedule;

import com.myagents.contracts.NamedCode;

/** How often a goal runs; the wire codes are those of the goal contract. */
public enum Frequency implements NamedCode {
    DAILY, WEEKLY, MONTHLY, ON_DEMAND;

    /** The frequency with this wire code, or {@code null} for an unknown or missing one. */
    public static Frequency fromCode(String code) {
        return NamedCode.fromCode(Frequency.class, code);
    }
}
