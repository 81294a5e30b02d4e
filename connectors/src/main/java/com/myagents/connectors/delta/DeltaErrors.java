package com.myagents.connectors.delta;

import java.util.Map;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.PlatformResponse;

import tools.jackson.databind.JsonNode;

/**
 * Delta Exchange's refusals as failed outcomes with a detail a customer can act on. Delta answers
 * {@code {"success":false,"error":{"code":..,"context":{..}}}} for order errors and
 * {@code {"error":"SignatureExpired","message":..}} for authentication errors; both are read.
 */
final class DeltaErrors {

    static final String RATE_LIMITED = "rate_limited";
    static final String INVALID_SIGNATURE = "invalid_signature";

    private static final Map<String, String> EXPLAINED = Map.ofEntries(
            Map.entry("insufficient_margin",
                    "Delta Exchange refused the order: the margin available is not enough for this size and leverage"),
            Map.entry("risk_limits_breached",
                    "Delta Exchange refused the order: it would breach the account's risk limits"),
            Map.entry("order_size_exceed_available",
                    "Delta Exchange could not fill the order: the order book does not have enough liquidity"),
            Map.entry("invalid_contract",
                    "Delta Exchange refused the order: the product does not exist or has expired"),
            Map.entry("immediate_liquidation",
                    "Delta Exchange refused the order: it would cause an immediate liquidation"),
            Map.entry("out_of_bankruptcy",
                    "Delta Exchange refused the order: its price is outside the position's bankruptcy limits"),
            Map.entry("self_matching_disrupted_post_only",
                    "Delta Exchange refused the order: self matching is not allowed during an auction"),
            Map.entry("immediate_execution_post_only",
                    "Delta Exchange refused the post-only order: it would have executed immediately"),
            Map.entry("invalid_api_key",
                    "Delta Exchange does not know the API key (a testnet key against production, or the reverse?)"),
            Map.entry("unauthorized_api_access",
                    "Delta Exchange refused the API key: it lacks the trading permission"),
            Map.entry("ip_blocked_for_api_key",
                    "Delta Exchange refused the call: this server's IP address is not whitelisted for the API key"),
            Map.entry(INVALID_SIGNATURE,
                    "Delta Exchange refused the request signature (a wrong API secret, or a server clock more than"
                            + " 5 seconds off)"));

    private DeltaErrors() {
    }

    static Outcome failed(PlatformResponse response, String what) {
        if (response.status() == 429) {
            String reset = response.header("x-rate-limit-reset").map(ms -> "; quota resets in " + ms + " ms").orElse("");
            return Outcome.failed(RATE_LIMITED, "Delta Exchange rate limit reached, " + what + " was not sent" + reset);
        }
        JsonNode json = response.json();
        String code = code(json);
        String explained = EXPLAINED.get(code);
        String context = json.path("error").path("context").isObject()
                ? " (context " + Json.write(json.path("error").path("context")) + ")" : "";
        if (explained != null) {
            return Outcome.failed(code, explained + context);
        }
        String message = Json.text(json, "message");
        return Outcome.failed(code == null ? "delta_http_" + response.status() : code,
                "Delta Exchange refused " + what + " (HTTP " + response.status() + "): "
                        + (message != null ? message : response.excerpt()));
    }

    /** The error code in snake case: {@code SignatureExpired} and {@code InvalidSignature} both read as invalid_signature. */
    static String code(JsonNode json) {
        JsonNode error = json.path("error");
        String raw = error.isObject() ? Json.text(error, "code") : Json.text(json, "error");
        if (raw == null) {
            return null;
        }
        if (raw.equals("SignatureExpired") || raw.equals("InvalidSignature") || raw.equals("Signature_Mismatch")) {
            return INVALID_SIGNATURE;
        }
        return raw.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
