package com.myagents.cp.vault.resolve;

import java.math.BigDecimal;
import java.util.List;

/** An exchange setup with its keys and limits, for one execution of a connector. */
public record ResolvedExchangeSetup(String kind, String credentialRef, String customerId, String exchangeProvider,
                                    String defaultCoin, List<String> allowedCoins, BigDecimal maxUnitsPerOrder,
                                    BigDecimal maxNotionalInr, String apiKey, String apiSecret) {

    @Override
    public String toString() {
        return "ResolvedExchangeSetup[" + credentialRef + ", " + exchangeProvider + ", keys=<hidden>]";
    }
}
