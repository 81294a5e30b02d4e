package com.myagents.enforcement.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one subscription has used, as enforcement counts it (days and months in UTC): trial actions
 * and goal runs today, spend today, spend this month, and the reservations of allowed actions whose
 * real cost is not known yet. Immutable: every change returns the ledger to store, so a decision
 * and its reservation commit together with the decision's output.
 *
 * @param open reservations by correlation_id; committed spend = spent + open amounts of this month
 */
public record BudgetLedger(LocalDate day, int actionsToday, int goalRunsToday, long costToday, YearMonth month,
        long spentThisMonth, Map<String, Reservation> open) {

    public static final BudgetLedger EMPTY = new BudgetLedger(null, 0, 0, 0, null, 0, Map.of());

    public BudgetLedger {
        open = open == null ? Map.of() : Map.copyOf(open);
    }

    /**
     * The ledger as it stands at {@code now}: a new day starts the daily counts from zero, a new
     * month the monthly spend; reservations of past months no longer count against anything.
     */
    public BudgetLedger at(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        YearMonth thisMonth = YearMonth.from(today);
        boolean sameDay = today.equals(day);
        boolean sameMonth = thisMonth.equals(month);
        if (sameDay && sameMonth) {
            return this;
        }
        Map<String, Reservation> kept = new LinkedHashMap<>(open);
        kept.values().removeIf(r -> !thisMonth.equals(r.month()));
        return new BudgetLedger(today, sameDay ? actionsToday : 0, sameDay ? goalRunsToday : 0, sameDay ? costToday : 0,
                thisMonth, sameMonth ? spentThisMonth : 0, kept);
    }

    /** Spent this month plus what allowed actions of this month hold until they settle. */
    public long committedThisMonth() {
        long reserved = 0;
        for (Reservation r : open.values()) {
            if (r.month().equals(month)) {
                reserved += r.amountMinor();
            }
        }
        return spentThisMonth + reserved;
    }

    /** Counts one action today and holds its price until the connector reports the real cost. */
    public BudgetLedger reserveAction(String correlationId, long cost, Instant now) {
        Map<String, Reservation> held = new LinkedHashMap<>(open);
        held.put(correlationId, new Reservation(cost, day, month, now));
        return new BudgetLedger(day, actionsToday + 1, goalRunsToday, costToday + cost, month, spentThisMonth, held);
    }

    /** Counts one goal run today and spends its price at once: the generation happens right after. */
    public BudgetLedger chargeGoalRun(long cost) {
        return new BudgetLedger(day, actionsToday, goalRunsToday + 1, costToday + cost, month, spentThisMonth + cost, open);
    }

    /**
     * Gives back part of a goal run's price once its real cost is known (a run charged 100 that
     * used 30 worth of tokens gives back 70), from the day's and the month's spend it was charged
     * to — a past day or month is left as it was.
     */
    public BudgetLedger refundGoalRun(long amount, Instant chargedAt) {
        if (amount <= 0) {
            return this;
        }
        LocalDate chargedDay = LocalDate.ofInstant(chargedAt, ZoneOffset.UTC);
        long cost = chargedDay.equals(day) ? Math.max(0, costToday - amount) : costToday;
        long spent = YearMonth.from(chargedDay).equals(month) ? Math.max(0, spentThisMonth - amount) : spentThisMonth;
        return new BudgetLedger(day, actionsToday, goalRunsToday, cost, month, spent, open);
    }

    /**
     * Settles the reservation of {@code correlationId}. When the action happened, its real cost is
     * spent in place of the held price (a connector that reports no cost of its own is charged the
     * price); when it did not, the reservation is released and the action uncounted. Settling
     * twice, or settling a reservation of a past month, changes nothing.
     */
    public BudgetLedger settle(String correlationId, boolean happened, long reportedCostMinor) {
        Reservation held = open.get(correlationId);
        if (held == null) {
            return this;
        }
        Map<String, Reservation> rest = new LinkedHashMap<>(open);
        rest.remove(correlationId);
        long spent = !happened ? 0 : reportedCostMinor > 0 ? reportedCostMinor : held.amountMinor();
        boolean today = held.day().equals(day);
        return new BudgetLedger(day,
                today && !happened ? Math.max(0, actionsToday - 1) : actionsToday,
                goalRunsToday,
                today ? Math.max(0, costToday - held.amountMinor() + spent) : costToday,
                month,
                held.month().equals(month) ? spentThisMonth + spent : spentThisMonth,
                rest);
    }
}
