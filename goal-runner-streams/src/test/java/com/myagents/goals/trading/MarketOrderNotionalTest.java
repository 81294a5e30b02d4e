package com.myagents.goals.trading;

import static com.myagents.goals.trading.TradingPlannerTest.AT;
import static com.myagents.goals.trading.TradingPlannerTest.intent;
import static com.myagents.goals.trading.TradingPlannerTest.results;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.market.MarkPrice;
import com.myagents.goals.runs.DraftAssembler;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.PlannedDraft;

/**
 * A market order's notional is its units × the latest mark price known, recorded in the plan and
 * checked against max_notional_inr (500000 in the fixture); without a recent price it is refused.
 */
class MarketOrderNotionalTest {

    static Map<String, Object> marketBuy(int units) {
        return TradingPlannerTest.btcBuy(units, "market");
    }

    static MarkPrices btcAt(String price, Duration beforeRun) {
        MarkPrice mark = new MarkPrice("BTCUSD", price, "delta_exchange_india", AT.minus(beforeRun));
        return symbol -> "BTCUSD".equals(symbol) ? mark : null;
    }

    @Test
    void aMarketOrderOverMaxNotionalAtTheLatestMarkPriceIsNotReadyAndNamesTheFailedCheck() {
        PlannedDraft draft = new TradingPlanner().tradeIntent(intent(marketBuy(5)), btcAt("120000.5", Duration.ofMinutes(1))).get(0);

        assertThat(draft.payload()).containsEntry("plan_status", "blocked_by_risk_checks")
                .containsEntry("notional_inr", "600002.5");
        assertThat(results(draft)).containsEntry("notional_within_max_notional_inr", "fail");
        assertThat(draft.proposedActions()).isEmpty();
        assertThat(draft.payload().get("mark_price")).isEqualTo(Map.of("product_symbol", "BTCUSD", "price", "120000.5",
                "observed_at", AT.minus(Duration.ofMinutes(1)).toString(), "exchange", "delta_exchange_india"));
    }

    @Test
    void aMarketOrderWithinMaxNotionalIsReadyWithThePriceItUsedRecorded() {
        PlannedDraft draft = new TradingPlanner().tradeIntent(intent(marketBuy(4)), btcAt("120000", Duration.ofMinutes(1))).get(0);

        assertThat(draft.payload()).containsEntry("plan_status", "ready_for_approval").containsEntry("notional_inr", "480000");
        assertThat(results(draft)).containsEntry("notional_within_max_notional_inr", "pass");
        assertThat(draft.proposedActions()).containsExactly("place_order");
        assertThat(draft.payload().get("mark_price")).isInstanceOf(Map.class);
    }

    @Test
    void aMarketOrderWithNoKnownPriceIsRefusedWithTheReason() {
        PlannedDraft draft = new TradingPlanner().tradeIntent(intent(marketBuy(1)), MarkPrices.NONE).get(0);

        assertThat(draft.payload()).containsEntry("plan_status", "blocked_by_risk_checks").containsEntry("mark_price", null);
        assertThat(results(draft)).containsEntry("notional_within_max_notional_inr", "fail");
        assertThat(detail(draft, "notional_within_max_notional_inr")).contains("no mark price of BTCUSD")
                .contains("use a limit order");
        assertThat(draft.proposedActions()).isEmpty();
    }

    @Test
    void aPriceOlderThanFifteenMinutesBeforeTheRunIsNotUsed() {
        PlannedDraft draft = new TradingPlanner().tradeIntent(intent(marketBuy(1)), btcAt("60000", Duration.ofMinutes(16))).get(0);

        assertThat(results(draft)).containsEntry("notional_within_max_notional_inr", "fail");
        assertThat(draft.payload().get("notional_inr")).isNull();
    }

    @Test
    void theSameRunAndPriceGiveTheSameBytes() {
        GoalRun run = intent(marketBuy(2));
        List<DeliverableDraft> first = DraftAssembler.assemble(run,
                new TradingPlanner().tradeIntent(run, btcAt("61000", Duration.ofMinutes(2))));
        List<DeliverableDraft> second = DraftAssembler.assemble(run,
                new TradingPlanner().tradeIntent(run, btcAt("61000", Duration.ofMinutes(2))));

        assertThat(second.get(0).payloadHash()).isEqualTo(first.get(0).payloadHash());
    }

    @SuppressWarnings("unchecked")
    private static String detail(PlannedDraft draft, String check) {
        return ((List<Map<String, Object>>) draft.payload().get("risk_checks")).stream()
                .filter(c -> check.equals(c.get("check"))).map(c -> (String) c.get("detail")).findFirst().orElseThrow();
    }
}
