package com.myagents.connectors.intent;

/**
 * Close the entire open position in one product: its size and side are the exchange's to know,
 * so the connector looks the position up and sends a reduce-only market order against it.
 */
public record ClosePosition(String productSymbol) implements Intent {

    public static final String ENTIRE_OPEN_POSITION = "entire_open_position";

    @Override
    public Target target() {
        return Target.DELTA;
    }
}
