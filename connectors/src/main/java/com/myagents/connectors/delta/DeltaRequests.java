package com.myagents.connectors.delta;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.vault.ExchangeCredential;

/**
 * Builds signed Delta Exchange requests ({@code api-key}, {@code timestamp}, {@code signature},
 * {@code User-Agent}). Without a credential (a dry run) the three auth headers carry descriptions
 * of what would be sent instead.
 */
public record DeltaRequests(URI baseUrl, String userAgent, Clock clock) {

    public static final String ORDERS = "/v2/orders";
    public static final String ORDER_BY_CLIENT_ID = "/v2/orders/client_order_id/";
    public static final String MARGINED_POSITIONS = "/v2/positions/margined";
    public static final String TICKERS = "/v2/tickers/";

    static final String API_KEY_SHOWN = "<api key of the exchange credential, resolved from CP's vault at send time>";
    static final String TIMESTAMP_SHOWN = "<unix seconds at send time>";
    static final String SIGNATURE_SHOWN = "<hex HMAC-SHA256(api secret, method + timestamp + path + query + body),"
            + " computed at send time>";

    public OutgoingRequest placeOrder(Map<String, Object> order, ExchangeCredential credential) {
        return build("POST", ORDERS, Json.write(order), credential);
    }

    public OutgoingRequest orderByClientId(String clientOrderId, ExchangeCredential credential) {
        return build("GET", ORDER_BY_CLIENT_ID + clientOrderId, null, credential);
    }

    public OutgoingRequest openPositions(ExchangeCredential credential) {
        return build("GET", MARGINED_POSITIONS, null, credential);
    }

    /** The public ticker of one product: no credential, nothing signed. */
    public OutgoingRequest ticker(String productSymbol) {
        URI uri = uri(TICKERS + productSymbol);
        return new OutgoingRequest("GET", uri, headers(new LinkedHashMap<>(), null), null, Map.of());
    }

    /** @param credential {@code null} for a dry run */
    OutgoingRequest build(String method, String pathAndQuery, String body, ExchangeCredential credential) {
        URI uri = uri(pathAndQuery);
        Map<String, String> headers = new LinkedHashMap<>();
        if (credential == null) {
            headers.put("api-key", API_KEY_SHOWN);
            headers.put("timestamp", TIMESTAMP_SHOWN);
            headers.put("signature", SIGNATURE_SHOWN);
        } else {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String prehash = DeltaSigner.prehash(method, timestamp, uri.getRawPath(), uri.getRawQuery(), body);
            headers.put("api-key", credential.apiKey());
            headers.put("timestamp", timestamp);
            headers.put("signature", DeltaSigner.sign(credential.apiSecret(), prehash));
        }
        return new OutgoingRequest(method, uri, headers(headers, body), body,
                Map.of("api-key", API_KEY_SHOWN, "signature", SIGNATURE_SHOWN));
    }

    /** Every call names the client and asks for JSON; one with a body sends JSON. */
    private Map<String, String> headers(Map<String, String> headers, String body) {
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    private URI uri(String pathAndQuery) {
        String url = baseUrl.toString();
        return URI.create((url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + pathAndQuery);
    }
}
