package com.myagents.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.approvals.ApprovalEvent;
import com.myagents.contracts.deliverables.PayloadHash;
import com.myagents.contracts.execution.ExecutionDecision;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.execution.ReasonCode;
import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * An approved trade is checked again at execution against the instance's configuration
 * as it is now: a coin removed from the allowed list or a lowered limit stops it.
 */
class TradingRiskRulesTest extends OnTheDriver {

    @Test
    void allowsAnOrderWithinTheCurrentLimits() {
        enforcement.instance(instance(List.of("BTC", "ETH"), 5, "500000"));

        ExecutionDecision decision = execute(order("BTCUSD", 2, "60000"), "place_order");

        assertThat(decision.reason()).isEqualTo(ReasonCode.ALLOWED);
        assertThat(decision.checks()).extracting(c -> c.check()).contains("risk_coin_allowed", "risk_size_within_limit",
                "risk_notional_within_limit");
    }

    @Test
    void deniesAnApprovedOrderForACoinRemovedSinceTheApproval() {
        enforcement.instance(instance(List.of("BTC", "ETH"), 5, null));
        ExecutionRequest request = approvedRequest(order("ETHUSD", 1, null), "place_order");

        enforcement.instance(instance(List.of("BTC"), 5, null));
        enforcement.send(request);

        ExecutionDecision decision = onlyDecision();
        assertThat(decision.reason()).isEqualTo(ReasonCode.RISK_CHECK_FAILED);
        assertThat(decision.detail()).contains("ETHUSD").contains("[BTC]");
    }

    @Test
    void deniesAnOrderAboveALoweredSizeLimit() {
        enforcement.instance(instance(List.of("BTC"), 1, null));

        ExecutionDecision decision = execute(order("BTCUSD", 3, null), "place_order");

        assertThat(decision.reason()).isEqualTo(ReasonCode.RISK_CHECK_FAILED);
        assertThat(decision.detail()).contains("max_units_per_order 1");
    }

    @Test
    void deniesAnOrderAboveTheNotionalLimit() {
        enforcement.instance(instance(List.of("BTC"), 10, "100000"));

        ExecutionDecision decision = execute(order("BTCUSD", 2, "60000"), "place_order");

        assertThat(decision.reason()).isEqualTo(ReasonCode.RISK_CHECK_FAILED);
        assertThat(decision.detail()).contains("notional 120000 exceeds max_notional_inr 100000");
    }

    @Test
    void deniesAMarketOrderWhoseNotionalAtItsPlansMarkPriceExceedsTheCurrentLimit() {
        enforcement.instance(instance(List.of("BTC"), 10, "100000"));

        ExecutionDecision decision = executePriced(order("BTCUSD", 2, null), mark("BTCUSD", "60000"));

        assertThat(decision.reason()).isEqualTo(ReasonCode.RISK_CHECK_FAILED);
        assertThat(decision.detail()).contains("notional 120000 exceeds max_notional_inr 100000");
        assertThat(decision.inputs()).containsKey("mark_price");
        assertThat(decision.inputs().get("mark_price").toString()).contains("60000");
    }

    @Test
    void allowsAMarketOrderWithinTheLimitAtItsPlansMarkPrice() {
        enforcement.instance(instance(List.of("BTC"), 10, "100000"));

        ExecutionDecision decision = executePriced(order("BTCUSD", 1, null), mark("BTCUSD", "60000"));

        assertThat(decision.reason()).isEqualTo(ReasonCode.ALLOWED);
        assertThat(decision.checks()).anySatisfy(c -> {
            assertThat(c.check()).isEqualTo("risk_notional_within_limit");
            assertThat(c.detail()).contains("60000 of at most 100000");
        });
    }

    @Test
    void deniesAMarketOrderWithNoMarkPriceForItsProductWhenANotionalLimitIsSet() {
        enforcement.instance(instance(List.of("BTC", "ETH"), 10, "100000"));

        ExecutionDecision noPrice = execute(order("BTCUSD", 1, null), "place_order");

        assertThat(noPrice.reason()).isEqualTo(ReasonCode.RISK_CHECK_FAILED);
        assertThat(noPrice.detail()).contains("no mark price of BTCUSD");
    }

    @Test
    void aMarkPriceOfAnotherProductDoesNotPriceTheOrder() {
        enforcement.instance(instance(List.of("BTC", "ETH"), 10, "100000"));

        ExecutionDecision decision = executePriced(order("BTCUSD", 1, null), mark("ETHUSD", "3000"));

        assertThat(decision.reason()).isEqualTo(ReasonCode.RISK_CHECK_FAILED);
        assertThat(decision.detail()).contains("no mark price of BTCUSD");
    }

    @Test
    void deniesAnOrderWhenNoConfigurationIsKnown() {
        ExecutionDecision decision = execute(order("BTCUSD", 1, null), "place_order");

        assertThat(decision.reason()).isEqualTo(ReasonCode.RISK_CHECK_FAILED);
        assertThat(decision.detail()).contains("no current configuration");
    }

    @Test
    void aReduceOnlyCloseIsAllowedEvenForACoinNoLongerAllowed() {
        enforcement.instance(instance(List.of("ETH"), 1, null));
        Map<String, Object> close = order("BTCUSD", null, null);
        close.put("reduce_only", true);

        assertThat(execute(close, "close_position").reason()).isEqualTo(ReasonCode.ALLOWED);
    }

    @Test
    void aCloseThatIsNotReduceOnlyIsDenied() {
        enforcement.instance(instance(List.of("BTC"), 1, null));

        assertThat(execute(order("BTCUSD", 1, null), "close_position").reason()).isEqualTo(ReasonCode.RISK_CHECK_FAILED);
    }

    private ExecutionDecision execute(Map<String, Object> order, String action) {
        enforcement.send(approvedRequest(order, action));
        return onlyDecision();
    }

    private ExecutionDecision executePriced(Map<String, Object> order, Map<String, Object> markPrice) {
        enforcement.send(approvedPayload(Map.of("order", order, "mark_price", markPrice), "place_order"));
        return onlyDecision();
    }

    private static Map<String, Object> mark(String symbol, String price) {
        return Map.of("product_symbol", symbol, "price", price, "observed_at", "2026-11-27T09:29:00Z",
                "exchange", "delta_exchange_india");
    }

    private ExecutionDecision onlyDecision() {
        List<ExecutionDecision> decisions = enforcement.decisions().stream().map(d -> d.value).toList();
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    /** A paid subscription and an approved trade intent with this order. */
    private ExecutionRequest approvedRequest(Map<String, Object> order, String action) {
        return approvedPayload(Map.of("order", order), action);
    }

    private ExecutionRequest approvedPayload(Map<String, Object> payload, String action) {
        enforcement.subscription(Scenario.paid(100_000));
        String hash = PayloadHash.of(payload);
        enforcement.approve(new ApprovalEvent("approval-1", "deliverable-1", Scenario.SUBSCRIPTION, Scenario.CUSTOMER,
                ApprovalEvent.Verdict.APPROVED, "reviewer", null, hash, EnforcementDriver.START,
                EnforcementDriver.START.plus(Duration.ofHours(1))));
        return new ExecutionRequest("corr-1", "deliverable-1", Scenario.SUBSCRIPTION, Scenario.CUSTOMER, "hired-1", action,
                "approval-1", hash, Scenario.CUSTOMER, EnforcementDriver.START, payload, List.of(action));
    }

    private static Map<String, Object> order(String symbol, Integer size, String limitPrice) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product_symbol", symbol);
        order.put("size", size);
        order.put("side", "buy");
        order.put("order_type", limitPrice == null ? "market_order" : "limit_order");
        if (limitPrice != null) {
            order.put("limit_price", limitPrice);
        }
        order.put("reduce_only", false);
        return order;
    }

    private static HiredAgentChange instance(List<String> coins, int maxUnits, String maxNotional) {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_units_per_order", maxUnits);
        if (maxNotional != null) {
            limits.put("max_notional_inr", Integer.parseInt(maxNotional));
        }
        Map<String, Object> config = Map.of("allowed_coins", coins, "default_coin", coins.get(0), "risk_limits", limits);
        return new HiredAgentChange("hired-1", Scenario.SUBSCRIPTION, Scenario.CUSTOMER, "trading", "1.0.0", "Trader",
                "Asia/Kolkata", config, true, "active", "ended_converted", null, EnforcementDriver.START);
    }
}
