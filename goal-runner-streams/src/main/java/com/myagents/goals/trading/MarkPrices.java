package com.myagents.goals.trading;

import com.myagents.contracts.market.MarkPrice;

/** The latest mark price known of each product, as the exchange connector published it. */
@FunctionalInterface
public interface MarkPrices {

    /** No price of anything is known. */
    MarkPrices NONE = productSymbol -> null;

    /** The latest price of the product, or {@code null} when none is known. */
    MarkPrice latest(String productSymbol);
}
