package com.myagents.connectors.intent;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import com.myagents.contracts.execution.Action;
import com.myagents.contracts.execution.ExecutionCommand;

/**
 * Reads the intent from a command's action and approved payload. Trading payloads carry their
 * order under {@code order} (the goal runner's plan shape); a flat payload with the order's
 * fields at the top works too. Nothing is guessed: a missing or malformed field fails the command.
 */
public final class Intents {

    public static final String INVALID_PAYLOAD = "invalid_payload";
    public static final String UNSUPPORTED_PLATFORM = "unsupported_platform";
    public static final String UNSUPPORTED_ACTION = "unsupported_action";

    private static final Set<String> SIDES = Set.of("buy", "sell");
    private static final Set<String> ORDER_TYPES = Set.of("limit_order", "market_order");

    private Intents() {
    }

    /** @throws UnsupportedCommand when the payload does not describe an action a connector performs */
    public static Intent of(ExecutionCommand command) {
        Action action = Action.fromCode(command.action());
        Map<String, Object> payload = command.payload() == null ? Map.of() : command.payload();
        if (action == null) {
            throw new UnsupportedCommand(UNSUPPORTED_ACTION, "no connector performs action " + command.action());
        }
        return switch (action) {
            case PUBLISH, POST, SEND -> socialPost(payload);
            case PLACE_ORDER -> placeOrder(order(payload));
            case CLOSE_POSITION -> closePosition(payload);
        };
    }

    private static SocialPost socialPost(Map<String, Object> payload) {
        String platformCode = text(payload, "platform");
        Target platform = Target.socialPlatform(platformCode);
        if (platform == null) {
            throw new UnsupportedCommand(UNSUPPORTED_PLATFORM, platformCode + " is not a platform we publish to");
        }
        String text = text(payload, "text");
        Object identity = payload.get("posting_identity");
        return new SocialPost(platform, text, identity instanceof String s && !s.isBlank() ? s : null,
                mediaId(payload.get("image")));
    }

    /** The attached image: {@code {"media_id": "<uuid>"}} from the customer's media library, or none. */
    private static String mediaId(Object image) {
        if (image == null) {
            return null;
        }
        if (image instanceof Map<?, ?> fields && fields.get("media_id") instanceof String id
                && id.matches("[0-9a-fA-F-]{36}")) {
            return id.toLowerCase(java.util.Locale.ROOT);
        }
        throw invalid("image must name a media_id of the customer's media library, not " + image);
    }

    private static PlaceOrder placeOrder(Map<String, Object> order) {
        String symbol = text(order, "product_symbol");
        long size = positiveWhole(order.get("size"), "size");
        String side = text(order, "side");
        if (!SIDES.contains(side)) {
            throw invalid("side must be buy or sell, not " + side);
        }
        String orderType = text(order, "order_type");
        if (!ORDER_TYPES.contains(orderType)) {
            throw invalid("order_type must be limit_order or market_order, not " + orderType);
        }
        String limitPrice = null;
        if ("limit_order".equals(orderType)) {
            limitPrice = positiveDecimal(order.get("limit_price"), "limit_price");
        }
        return new PlaceOrder(symbol, size, side, orderType, limitPrice, bool(order.get("reduce_only")));
    }

    private static ClosePosition closePosition(Map<String, Object> payload) {
        Object scope = payload.get("close_scope");
        if (!ClosePosition.ENTIRE_OPEN_POSITION.equals(scope)) {
            throw invalid("close_scope must be " + ClosePosition.ENTIRE_OPEN_POSITION + ", not " + scope);
        }
        return new ClosePosition(text(order(payload), "product_symbol"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> order(Map<String, Object> payload) {
        return payload.get("order") instanceof Map<?, ?> order ? (Map<String, Object>) order : payload;
    }

    private static String text(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw invalid(name + " is missing");
    }

    private static long positiveWhole(Object value, String name) {
        BigDecimal number = decimal(value, name);
        if (number.signum() <= 0 || number.stripTrailingZeros().scale() > 0) {
            throw invalid(name + " must be a whole number greater than 0, not " + value);
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(name + " is too large: " + value);
        }
    }

    private static String positiveDecimal(Object value, String name) {
        BigDecimal number = decimal(value, name);
        if (number.signum() <= 0) {
            throw invalid(name + " must be greater than 0, not " + value);
        }
        return value instanceof String text ? text.strip() : number.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(Object value, String name) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().strip());
            } catch (NumberFormatException e) {
                throw invalid(name + " is not a number: " + value);
            }
        }
        throw invalid(name + " is missing");
    }

    private static boolean bool(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw invalid("reduce_only must be true or false, not " + value);
    }

    private static UnsupportedCommand invalid(String message) {
        return new UnsupportedCommand(INVALID_PAYLOAD, message);
    }
}
