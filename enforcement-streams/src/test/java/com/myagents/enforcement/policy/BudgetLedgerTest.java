package com.myagents.enforcement.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The ledger's arithmetic where days and months turn, which the topology tests reach only in part. */
class BudgetLedgerTest {

    static final Instant NOV_30_LATE = Instant.parse("2026-11-30T23:00:00Z");
    static final Instant DEC_1 = Instant.parse("2026-12-01T00:30:00Z");

    @Test
    void aReservationOfLastMonthNoLongerCountsAndSettlingItLaterChangesNothing() {
        BudgetLedger november = BudgetLedger.EMPTY.at(NOV_30_LATE).reserveAction("corr-1", 100, NOV_30_LATE);
        assertThat(november.committedThisMonth()).isEqualTo(100);

        BudgetLedger december = november.at(DEC_1);

        assertThat(december.committedThisMonth()).isZero();
        assertThat(december.open()).isEmpty();
        assertThat(december.costToday()).isZero();
        assertThat(december.settle("corr-1", true, 40)).isEqualTo(december);
    }

    @Test
    void settlingAReservationOfYesterdayChangesThisMonthsSpendButNotTodaysCounts() {
        Instant nov29 = Instant.parse("2026-11-29T10:00:00Z");
        BudgetLedger ledger = BudgetLedger.EMPTY.at(nov29).reserveAction("corr-1", 100, nov29)
                .at(Instant.parse("2026-11-30T10:00:00Z"));

        BudgetLedger released = ledger.settle("corr-1", false, 0);

        assertThat(released.spentThisMonth()).isZero();
        assertThat(released.committedThisMonth()).isZero();
        assertThat(released.actionsToday()).isZero();
        assertThat(released.costToday()).isZero();
    }

    @Test
    void aGoalRunIsSpentAtOnceAndCountedToday() {
        BudgetLedger ledger = BudgetLedger.EMPTY.at(DEC_1).chargeGoalRun(25).chargeGoalRun(25);

        assertThat(ledger.goalRunsToday()).isEqualTo(2);
        assertThat(ledger.costToday()).isEqualTo(50);
        assertThat(ledger.spentThisMonth()).isEqualTo(50);
        assertThat(ledger.open()).isEmpty();
        assertThat(ledger.at(DEC_1.plusSeconds(60))).isSameAs(ledger);
    }
}
