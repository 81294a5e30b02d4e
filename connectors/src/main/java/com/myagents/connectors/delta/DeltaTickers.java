package com.myagents.connectors.delta;

import java.util.regex.Pattern;

import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.http.Transport;
import com.myagents.contracts.market.MarkPrice;

/**
 * Delta's public ticker, {@code GET /v2/tickers/{symbol}}: no credential, no side effect. Its
 * {@code mark_price} is what a market order of the product is priced at before it is planned.
 */
public final class DeltaTickers {

    public static final String EXCHANGE = "delta_exchange_india";
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9_]{2,40}");

    private final DeltaRequests requests;
    private final Transport transport;

    public DeltaTickers(DeltaRequests requests, Transport transport) {
        this.requests = requests;
        this.transport = transport;
    }

    /**
     * The product's mark price, observed now.
     *
     * @throws PriceUnavailable when Delta does not answer with a positive mark price for it
     * @throws com.myagents.connectors.http.Unreachable or {@link com.myagents.connectors.http.NoAnswer} as the transport does
     */
    public MarkPrice markPrice(String productSymbol) {
        if (productSymbol == null || !SYMBOL.matcher(productSymbol).matches()) {
            throw new PriceUnavailable("not a Delta product symbol: " + productSymbol);
        }
        PlatformResponse response = transport.send(requests.ticker(productSymbol));
        if (!response.successful()) {
            throw new PriceUnavailable("Delta answered " + response.status() + " for the ticker of " + productSymbol + ": "
                    + response.excerpt());
        }
        MarkPrice price = new MarkPrice(productSymbol, Json.text(response.json().path("result"), "mark_price"), EXCHANGE,
                requests.clock().instant());
        if (price.value() == null) {
            throw new PriceUnavailable("Delta's ticker of " + productSymbol + " has no positive mark_price: " + response.excerpt());
        }
        return price;
    }

    /** No price to be had for the product now; the next round tries again. */
    public static final class PriceUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PriceUnavailable(String message) {
            super(message);
        }
    }
}
