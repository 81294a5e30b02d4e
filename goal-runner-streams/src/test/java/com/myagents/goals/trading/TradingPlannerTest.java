package com.myagents.goals.trading;

import static com.myagents.goals.Fixtures.goal;
import static com.myagents.goals.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.deliverables.DeliverableDraft;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.hiring.HiredAgentChange;
import com.myagents.goals.Fixtures;

import com.myagents.goals.runs.DraftAssembler;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.PlannedDraft;

class TradingPlannerTest {

    static final Instant AT = Instant.parse("2026-11-27T09:30:00Z");

    static GoalRun intent(Map<String, Object> settings) {
        return intent(settings, Fixtures.tradingConfig());
    }

    static GoalRun intent(Map<String, Object> settings, Map<String, Object> config) {
        HiredAgentChange agent = Fixtures.agent("h-1", "trading.delta_futures.v1", "Asia/Kolkata", config, true);
        return run(goal("g-1", "h-1", "trading.trade_intent_draft", "on_demand", null, null, settings, true, Instant.EPOCH),
                agent, "on_demand:req-7", AT);
    }

    static Map<String, Object> limitBuy(int units, double price) {
        Map<String, Object> settings = btcBuy(units, "limit");
        settings.put("limit_price", price);
        return settings;
    }

    /** A goal's settings to enter BTC with a buy of {@code units}, in the order their form lists them. */
    static Map<String, Object> btcBuy(int units, String orderType) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("coin", "BTC");
        settings.put("intent", "enter");
        settings.put("side", "buy");
        settings.put("units", units);
        settings.put("order_type", orderType);
        return settings;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> order(PlannedDraft draft) {
        return (Map<String, Object>) draft.payload().get("order");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> results(PlannedDraft draft) {
        Map<String, String> results = new LinkedHashMap<>();
        for (Map<String, Object> check : (List<Map<String, Object>>) draft.payload().get("risk_checks")) {
            results.put((String) check.get("check"), (String) check.get("result"));
        }
        return results;
    }

    @Test
    void theSameInputsGiveAByteIdenticalPayloadAcrossPlannersAndRuns() {
        List<DeliverableDraft> first = DraftAssembler.assemble(intent(limitBuy(2, 65000.5)),
                new TradingPlanner().tradeIntent(intent(limitBuy(2, 65000.5))));
        Map<String, Object> reordered = new LinkedHashMap<>();
        List<String> keys = List.copyOf(limitBuy(2, 65000.5).keySet());
        for (int i = keys.size() - 1; i >= 0; i--) {
            reordered.put(keys.get(i), limitBuy(2, 65000.5).get(keys.get(i)));
        }
        List<DeliverableDraft> second = DraftAssembler.assemble(intent(reordered), new TradingPlanner().tradeIntent(intent(reordered)));

        assertThat(PayloadHash.canonicalJson(second.get(0).payload())).isEqualTo(PayloadHash.canonicalJson(first.get(0).payload()));
        assertThat(second.get(0).payloadHash()).isEqualTo(first.get(0).payloadHash()).hasSize(64);
        assertThat(second).isEqualTo(first);
        var wire = Topics.DELIVERABLE_DRAFTS.valueSerde().serializer();
        assertThat(wire.serialize("t", second.get(0))).as("the draft on the wire, byte for byte")
                .isEqualTo(wire.serialize("t", first.get(0)));
    }

    @Test
    void aValidIntentIsADeltaOrderWithEveryRiskCheckPassedAndProposesPlaceOrder() {
        PlannedDraft draft = new TradingPlanner().tradeIntent(intent(limitBuy(2, 65000.5))).get(0);

        assertThat(draft.proposedActions()).containsExactly("place_order");
        assertThat(draft.payload()).containsEntry("plan_status", "ready_for_approval").containsEntry("notional_inr", "130001");
        assertThat(order(draft)).containsEntry("product_symbol", "BTCUSD").containsEntry("size", 2L)
                .containsEntry("side", "buy").containsEntry("order_type", "limit_order").containsEntry("limit_price", "65000.5")
                .containsEntry("reduce_only", false);
        assertThat((String) order(draft).get("client_order_id")).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(results(draft)).containsExactly(
                Map.entry("coin_chosen", "pass"), Map.entry("coin_allowed", "pass"), Map.entry("intent_valid", "pass"),
                Map.entry("side_valid", "pass"), Map.entry("order_type_valid", "pass"),
                Map.entry("size_within_max_units_per_order", "pass"), Map.entry("notional_within_max_notional_inr", "pass"));
    }

    @Test
    void anIntentOverItsLimitsIsDraftedButProposesNothing() {
        Map<String, Object> settings = limitBuy(9, 90000);
        settings.put("coin", "DOGE");

        PlannedDraft draft = new TradingPlanner().tradeIntent(intent(settings)).get(0);

        assertThat(draft.proposedActions()).isEmpty();
        assertThat(draft.payload()).containsEntry("plan_status", "blocked_by_risk_checks");
        assertThat(results(draft)).containsEntry("coin_allowed", "fail")
                .containsEntry("size_within_max_units_per_order", "fail")
                .containsEntry("notional_within_max_notional_inr", "fail");
    }

    @Test
    void anExitMarketOrderUsesTheDefaultCoinIsReduceOnlyAndSkipsTheNotionalCheck() {
        PlannedDraft draft = new TradingPlanner().tradeIntent(intent(Map.of("intent", "exit", "side", "sell", "units", 1,
                "order_type", "market"))).get(0);

        assertThat(draft.proposedActions()).containsExactly("place_order");
        assertThat(order(draft)).containsEntry("product_symbol", "BTCUSD").containsEntry("reduce_only", true)
                .containsEntry("order_type", "market_order").doesNotContainKey("limit_price");
        assertThat(results(draft)).containsEntry("notional_within_max_notional_inr", "skipped");
        assertThat(draft.payload().get("notional_inr")).isNull();
    }

    @Test
    void malformedIntentsFailTheirChecks() {
        Map<String, Object> config = Fixtures.tradingConfig();
        config.remove("default_coin");
        config.put("risk_limits", Map.of());

        PlannedDraft draft = new TradingPlanner().tradeIntent(intent(Map.of("intent", "hold", "side", "up", "units", 1.5,
                "order_type", "limit"), config)).get(0);

        assertThat(draft.proposedActions()).isEmpty();
        assertThat(results(draft)).containsEntry("coin_chosen", "fail").containsEntry("coin_allowed", "fail")
                .containsEntry("intent_valid", "fail").containsEntry("side_valid", "fail")
                .containsEntry("order_type_valid", "fail").containsEntry("size_within_max_units_per_order", "fail");
        PlannedDraft noLimit = new TradingPlanner().tradeIntent(intent(Map.of("coin", "BTC", "side", "buy", "units", 1,
                "order_type", "stop"), config)).get(0);
        assertThat(results(noLimit)).containsEntry("order_type_valid", "fail").containsEntry("size_within_max_units_per_order", "fail");
        Map<String, Object> noNotionalCap = Fixtures.tradingConfig();
        noNotionalCap.put("risk_limits", Map.of("max_units_per_order", 5));
        assertThat(results(new TradingPlanner().tradeIntent(intent(limitBuy(1, 10), noNotionalCap)).get(0)))
                .containsEntry("notional_within_max_notional_inr", "skipped");
    }

    @Test
    void aCloseReminderProposesAReduceOnlyCloseForEachAllowedCoinInItsLocalWindow() {
        HiredAgentChange agent = Fixtures.tradingAgent("h-1");
        GoalRun run = run(goal("g-2", "h-1", "trading.close_position_reminder", "daily", "15:00", "Asia/Kolkata",
                Map.of("coins", List.of("BTC", "XRP"), "window_minutes", 45), true, Instant.EPOCH), agent, "daily:2026-11-27", AT);

        List<PlannedDraft> drafts = new TradingPlanner().closeReminders(run);

        assertThat(drafts).hasSize(2);
        assertThat(drafts.get(0).proposedActions()).containsExactly("close_position");
        assertThat(drafts.get(1).proposedActions()).as("XRP is not allowed").isEmpty();
        assertThat(order(drafts.get(0))).containsEntry("reduce_only", true).containsEntry("product_symbol", "BTCUSD");
        assertThat(drafts.get(0).payload().get("window")).isEqualTo(Map.of("opens_at", "2026-11-27T09:30:00Z",
                "closes_at", "2026-11-27T10:15:00Z", "opens_at_local", "2026-11-27T15:00:00",
                "closes_at_local", "2026-11-27T15:45:00", "timezone", "Asia/Kolkata", "minutes", 45));
        assertThat(order(drafts.get(0)).get("client_order_id")).isNotEqualTo(order(drafts.get(1)).get("client_order_id"));

        List<PlannedDraft> defaultCoin = new TradingPlanner().closeReminders(run(goal("g-2", "h-1",
                "trading.close_position_reminder", "daily", "15:00", null, Map.of(), true, Instant.EPOCH), agent, "daily:2026-11-27", AT));
        assertThat(defaultCoin).singleElement().satisfies(d -> assertThat(d.payload()).containsEntry("coin", "BTC"));
    }

    @Test
    void theGuardrailReportShowsLimitsCoinsAndTheLastAttemptsWithoutDeniedOnesWhenAsked() {
        HiredAgentChange agent = Fixtures.tradingAgent("h-1");
        GoalRun run = run(goal("g-3", "h-1", "trading.guardrail_report", "daily", "18:00", null,
                Map.of("last_n_attempts", 5, "include_denied", false), true, Instant.EPOCH), agent, "daily:2026-11-27", AT);
        RecentAttempts recent = RecentAttempts.NONE
                .with(new Attempt("c-1", "d-1", "place_order", "allow", "allowed", "ok", AT.minusSeconds(60)), 100)
                .with(new Attempt("c-2", "d-2", "place_order", "deny", "risk_check_failed", "too big", AT.minusSeconds(30)), 100)
                .with(new Attempt("c-1", "d-1", "place_order", "allow", "allowed", "ok", AT.minusSeconds(60)), 100);

        PlannedDraft report = new TradingPlanner().guardrailReport(run, recent);

        assertThat(recent.attempts()).extracting(Attempt::correlationId).containsExactly("c-2", "c-1");
        assertThat(report.proposedActions()).isEmpty();
        assertThat(report.payload()).containsEntry("attempts_requested", 5).containsEntry("include_denied", false)
                .containsEntry("summary", Map.of("allowed", 1L, "denied", 0L))
                .containsEntry("limits", Map.of("max_units_per_order", 5L, "max_notional_inr", "500000"));
        assertThat(report.payload().get("last_attempts")).asList().hasSize(1);
    }

    @Test
    void attemptsKeepOnlyTheNewestAndOrderTiesByCorrelationId() {
        RecentAttempts kept = RecentAttempts.NONE;
        for (int i = 0; i < 5; i++) {
            kept = kept.with(new Attempt("c-" + i, null, "place_order", "deny", "x", null, AT.plusSeconds(i / 2)), 3);
        }

        assertThat(kept.attempts()).extracting(Attempt::correlationId).containsExactly("c-4", "c-2", "c-3");
    }
}
