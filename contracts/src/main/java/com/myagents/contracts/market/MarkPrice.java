package com.myagents.contracts.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest mark price of one exchange product that an exchange connector observed, keyed by
 * product_symbol on a compacted topic. The trading planner records the price it used in the plan
 * (a market order's notional is units × this price), and enforcement re-checks against that
 * recorded, approved price. {@code markPrice} is a decimal string, as the exchange sends it.
 */
public record MarkPrice(String productSymbol, String markPrice, String exchange, Instant observedAt) {

    /** The price as a number, or {@code null} when it is missing, not a number or not positive. */
    public BigDecimal value() {
        if (markPrice == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(markPrice.trim());
            return value.signum() > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
