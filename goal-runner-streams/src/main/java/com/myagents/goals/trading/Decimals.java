package com.myagents.goals.trading;

import java.math.BigDecimal;

/** Decimal amounts as plain strings (Delta sends prices as strings): {@code 65000.50} → {@code "65000.5"}. */
final class Decimals {

    private Decimals() {
    }

    static String text(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
