package com.myagents.connectors.intent;

/**
 * A Delta Exchange order exactly as approved: {@code limit_price} only for a limit order, as the
 * decimal text the plan carried (Delta takes prices as strings).
 */
public record PlaceOrder(String productSymbol, long size, String side, String orderType, String limitPrice,
        boolean reduceOnly) implements Intent {

    @Override
    public Target target() {
        return Target.DELTA;
    }
}
