package com.myagents.connectors.delta;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.OutgoingRequest;
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

    private final URI baseUrl;
    private final String userAgent;
    private final Transport transport;
    private final Clock clock;

    public DeltaTickers(URI baseUrl, String userAgent, Transport transport, Clock clock) {
        this.baseUrl = baseUrl;
        this.userAgent = userAgent;
        this.transport = transport;
        this.clock = clock;
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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "application/json");
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString().substring(0, baseUrl.toString().length() - 1)
                : baseUrl.toString();
        PlatformResponse response = transport.send(new OutgoingRequest("GET", URI.create(base + "/v2/tickers/" + productSymbol),
                headers, null, Map.of()));
        if (!response.successful()) {
            throw new PriceUnavailable("Delta answered " + response.status() + " for the ticker of " + productSymbol + ": "
                    + response.excerpt());
        }
        MarkPrice price = new MarkPrice(productSymbol, Json.text(response.json().path("result"), "mark_price"), EXCHANGE,
                clock.instant());
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
