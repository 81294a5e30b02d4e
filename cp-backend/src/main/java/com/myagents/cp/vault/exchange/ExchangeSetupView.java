package com.myagents.cp.vault.exchange;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.myagents.cp.vault.CredentialView;
import java.util.List;

/** An exchange setup as the customer sees it: limits and a masked hint of the api key, never the keys. */
public record ExchangeSetupView(String credentialRef, String exchangeProvider, String defaultCoin,
                                List<String> allowedCoins, BigDecimal maxUnitsPerOrder, BigDecimal maxNotionalInr,
                                String hint, OffsetDateTime createdAt, OffsetDateTime rotatedAt,
                                OffsetDateTime lastUsedAt) implements CredentialView {
}
