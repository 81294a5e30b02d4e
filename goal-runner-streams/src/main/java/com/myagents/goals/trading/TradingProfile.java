package com.myagents.goals.trading;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.goals.runs.Fields;

/**
 * The trading configuration of one hired instance, as the spec names it: exchange, allowed coins,
 * default coin and risk limits ({@code max_units_per_order}, optional {@code max_notional_inr}).
 */
record TradingProfile(String exchange, List<String> allowedCoins, String defaultCoin, Long maxUnitsPerOrder,
        BigDecimal maxNotionalInr) {

    static final String DELTA = "delta_exchange_india";

    static TradingProfile of(Fields config) {
        Fields limits = config.object("risk_limits");
        BigDecimal maxUnits = limits.decimal("max_units_per_order");
        return new TradingProfile(
                config.text("exchange_provider", DELTA),
                config.texts("allowed_coins"),
                config.text("default_coin", null),
                maxUnits == null ? null : maxUnits.longValue(),
                limits.decimal("max_notional_inr"));
    }

    /** Delta's perpetual-futures symbol of a coin, e.g. BTC → BTCUSD. */
    static String productSymbol(String coin) {
        return coin + "USD";
    }

    boolean allows(String coin) {
        return allowedCoins.contains(coin);
    }

    Map<String, Object> limitsPayload() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_units_per_order", maxUnitsPerOrder);
        limits.put("max_notional_inr", maxNotionalInr == null ? null : Decimals.text(maxNotionalInr));
        return limits;
    }
}
