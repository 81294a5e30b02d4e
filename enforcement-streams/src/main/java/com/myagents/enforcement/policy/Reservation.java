package com.myagents.enforcement.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The price of one allowed action, held from the decision until its connector reports what it
 * really cost (or that nothing happened). The day and month say which totals it counts in.
 */
public record Reservation(long amountMinor, LocalDate day, YearMonth month, Instant reservedAt) {
}
