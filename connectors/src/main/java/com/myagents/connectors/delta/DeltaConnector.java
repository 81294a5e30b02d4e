package com.myagents.connectors.delta;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.connector.Connector;
import com.myagents.connectors.connector.DryRunPlan;
import com.myagents.connectors.connector.RetryLater;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.NoAnswer;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.http.Unreachable;
import com.myagents.connectors.intent.ClosePosition;
import com.myagents.connectors.intent.Intent;
import com.myagents.connectors.intent.PlaceOrder;
import com.myagents.connectors.intent.Target;
import com.myagents.connectors.vault.Credential;
import com.myagents.connectors.vault.ExchangeCredential;
import com.myagents.contracts.execution.ExecutionCommand;

import tools.jackson.databind.JsonNode;

/**
 * Delta Exchange India: {@code place_order} sends the approved order; {@code close_position} looks
 * the open position up and sends a reduce-only market order for all of it. Before any order is
 * sent, the order is looked up by its {@code client_order_id} (the command's idempotency key): an
 * order that exists was placed by an earlier attempt and is not placed again. A 5xx or a lost answer
 * leaves the outcome open and the command is retried, starting with that lookup.
 */
public record DeltaConnector(DeltaRequests requests, Transport transport, BigDecimal usdInrRate) implements Connector {

    public static final String NO_OPEN_POSITION = "no_open_position";

    @Override
    public Target target() {
        return Target.DELTA;
    }

    @Override
    public boolean canSettleAnEarlierAttempt() {
        return true;
    }

    @Override
    public DryRunPlan describe(Intent intent, ExecutionCommand command) {
        String clientOrderId = ClientOrderIds.of(command.platformIdempotencyKey());
        List<OutgoingRequest> planned = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        planned.add(requests.orderByClientId(clientOrderId, null));
        notes.add("first the order is looked up by client_order_id; if Delta has it, nothing more is sent");
        if (intent instanceof ClosePosition close) {
            planned.add(requests.openPositions(null));
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("product_symbol", close.productSymbol());
            order.put("size", "<size of the open " + close.productSymbol() + " position, looked up at send time>");
            order.put("side", "<sell for a long position, buy for a short one>");
            order.put("order_type", "market_order");
            order.put("reduce_only", "true");
            order.put("client_order_id", clientOrderId);
            planned.add(requests.placeOrder(order, null));
            notes.add("no order is sent when there is no open " + close.productSymbol() + " position");
        } else {
            planned.add(requests.placeOrder(orderBody((PlaceOrder) intent, clientOrderId), null));
        }
        return new DryRunPlan(planned, notes);
    }

    @Override
    public Outcome perform(Intent intent, ExecutionCommand command, Credential credential, boolean resumed) {
        ExchangeCredential keys = (ExchangeCredential) credential;
        // One client_order_id per approved payload, not per approval: a retry finds what an earlier attempt placed.
        String clientOrderId = ClientOrderIds.of(command.platformIdempotencyKey());
        LookUp earlier = lookUp(clientOrderId, keys);
        if (earlier.refusal() != null) {
            return earlier.refusal();
        }
        if (earlier.order().isPresent()) {
            return executed(earlier.order().get(), clientOrderId, "found at Delta Exchange by client_order_id "
                    + clientOrderId + " (placed by an earlier attempt), not placed again");
        }
        Map<String, Object> order;
        if (intent instanceof ClosePosition close) {
            PlatformResponse positions = call(requests.openPositions(keys), false);
            if (!positions.successful()) {
                return DeltaErrors.failed(positions, "the open-positions lookup");
            }
            long size = openSize(positions.json(), close.productSymbol());
            if (size == 0) {
                return Outcome.failed(NO_OPEN_POSITION, "there is no open " + close.productSymbol()
                        + " position at Delta Exchange, so nothing was closed and no order was sent");
            }
            order = closeBody(close.productSymbol(), size, clientOrderId);
        } else {
            order = orderBody((PlaceOrder) intent, clientOrderId);
        }
        PlatformResponse placed = call(requests.placeOrder(order, keys), true);
        if (placed.successful()) {
            return executed(placed.json().path("result"), clientOrderId, "placed");
        }
        return DeltaErrors.failed(placed, "the order");
    }

    private record LookUp(Optional<JsonNode> order, Outcome refusal) {
    }

    private LookUp lookUp(String clientOrderId, ExchangeCredential keys) {
        PlatformResponse found = call(requests.orderByClientId(clientOrderId, keys), false);
        if (found.successful() && found.json().path("result").isObject()) {
            return new LookUp(Optional.of(found.json().path("result")), null);
        }
        if (found.successful() || found.status() == 404 || "not_found".equals(DeltaErrors.code(found.json()))) {
            return new LookUp(Optional.empty(), null);
        }
        return new LookUp(Optional.empty(), DeltaErrors.failed(found, "the order lookup by client_order_id"));
    }

    /**
     * @param places true for the call that places an order: if its answer is lost or a 5xx, the order may exist
     */
    private PlatformResponse call(OutgoingRequest request, boolean places) {
        PlatformResponse response;
        try {
            response = transport.send(request);
        } catch (Unreachable e) {
            throw new RetryLater("Delta Exchange unreachable: " + e.getMessage(), true, e);
        } catch (NoAnswer e) {
            throw new RetryLater("Delta Exchange did not answer " + request + "; the next attempt looks the order"
                    + " up by client_order_id before sending anything", !places, e);
        }
        if (response.serverError()) {
            throw new RetryLater("Delta Exchange answered " + response.status() + " to " + request + ": "
                    + response.excerpt(), !places, null);
        }
        return response;
    }

    static Map<String, Object> orderBody(PlaceOrder intent, String clientOrderId) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product_symbol", intent.productSymbol());
        order.put("size", intent.size());
        order.put("side", intent.side());
        order.put("order_type", intent.orderType());
        if (intent.limitPrice() != null) {
            order.put("limit_price", intent.limitPrice());
        }
        // Delta's order flags are the strings "true" / "false"
        order.put("reduce_only", Boolean.toString(intent.reduceOnly()));
        order.put("client_order_id", clientOrderId);
        return order;
    }

    static Map<String, Object> closeBody(String productSymbol, long openSize, String clientOrderId) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product_symbol", productSymbol);
        order.put("size", Math.abs(openSize));
        order.put("side", openSize > 0 ? "sell" : "buy");
        order.put("order_type", "market_order");
        order.put("reduce_only", "true");
        order.put("client_order_id", clientOrderId);
        return order;
    }

    /** The signed size of the open position in the product (positive long, negative short), 0 when none. */
    static long openSize(JsonNode positions, String productSymbol) {
        for (JsonNode position : positions.path("result")) {
            if (productSymbol.equals(Json.text(position, "product_symbol"))) {
                String size = Json.text(position, "size");
                return size == null ? 0 : new BigDecimal(size).longValue();
            }
        }
        return 0;
    }

    private Outcome executed(JsonNode order, String clientOrderId, String how) {
        String orderId = Json.text(order, "id");
        String commission = Json.text(order, "paid_commission");
        long costMinor = paise(commission);
        String detail = "Delta Exchange order " + orderId + " " + how + ": " + Json.text(order, "side") + " "
                + Json.text(order, "size") + " " + Json.text(order, "product_symbol") + " "
                + Json.text(order, "order_type")
                + (Json.text(order, "limit_price") != null ? " at " + Json.text(order, "limit_price") : "")
                + ", state " + Json.text(order, "state") + ", client_order_id " + clientOrderId
                + "; paid commission " + (commission == null ? "0" : commission) + " USD = " + costMinor
                + " paise at " + usdInrRate.toPlainString() + " INR/USD";
        return Outcome.executed(orderId, costMinor, detail);
    }

    /** USD commission in paise at the platform's fixed rate; commission still blocked on an open order is not counted. */
    long paise(String usd) {
        if (usd == null || usd.isBlank()) {
            return 0;
        }
        return new BigDecimal(usd).multiply(usdInrRate).movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
