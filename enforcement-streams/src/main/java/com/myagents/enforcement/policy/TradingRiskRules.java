package com.myagents.enforcement.policy;

import static com.myagents.contracts.execution.ReasonCode.RISK_CHECK_FAILED;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.contracts.execution.Action;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * The trading risk checks, run again at execution against the instance's configuration as it is
 * now, not as it was when the draft was made or approved: a coin removed from {@code allowed_coins}
 * or a lowered {@code max_units_per_order} stops an order approved yesterday. A close
 * ({@code reduce_only}) is only checked to be one: it can only lower exposure, and refusing it
 * because the coin was since disallowed would keep the customer in the very position they want out of.
 * A market order's notional is its size × the mark price its plan recorded; an entering market order
 * whose plan has none is denied when a {@code max_notional_inr} is set, as its notional cannot be checked.
 */
final class TradingRiskRules {

    /** What the checks read of an order; recorded in the decision as {@code order}. */
    static final List<String> ORDER_FIELDS = List.of("product_symbol", "size", "order_type", "limit_price", "reduce_only");

    private TradingRiskRules() {
    }

    /** @return the denial, or {@code null} when the action is not a trade or every check passed */
    static Verdict.Denied check(CheckTrail trail, ExecutionRequest request, HiredAgentChange instance) {
        Action action = Action.fromCode(request.action());
        if (action != Action.PLACE_ORDER && action != Action.CLOSE_POSITION) {
            return null;
        }
        Map<String, Object> order = map(request.payload() == null ? null : request.payload().get("order"));
        trail.input("order", orderInputs(request.payload() == null ? null : request.payload().get("order")));
        if (action == Action.CLOSE_POSITION) {
            if (!Boolean.TRUE.equals(order.get("reduce_only"))) {
                return trail.fail("risk_reduce_only", RISK_CHECK_FAILED, "a close_position order must be reduce_only");
            }
            trail.pass("risk_reduce_only", "reduce_only close of " + order.get("product_symbol"));
            return null;
        }
        if (instance == null || instance.config() == null) {
            trail.input("current_risk_config", null);
            return trail.fail("risk_config_known", RISK_CHECK_FAILED,
                    "no current configuration of instance " + request.hiredInstanceId());
        }
        Map<String, Object> config = instance.config();
        Map<String, Object> limits = map(config.get("risk_limits"));
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("allowed_coins", config.get("allowed_coins"));
        recorded.put("max_units_per_order", limits.get("max_units_per_order"));
        recorded.put("max_notional_inr", limits.get("max_notional_inr"));
        recorded.put("changed_at", DecisionInputs.text(instance.changedAt()));
        trail.input("current_risk_config", recorded);
        trail.pass("risk_config_known", "configuration of " + instance.changedAt());

        Object symbol = order.get("product_symbol");
        List<?> coins = config.get("allowed_coins") instanceof List<?> list ? list : List.of();
        boolean allowed = coins.stream().anyMatch(coin -> (coin + "USD").equals(symbol));
        if (!allowed) {
            return trail.fail("risk_coin_allowed", RISK_CHECK_FAILED, symbol + " is not a product of allowed_coins " + coins);
        }
        trail.pass("risk_coin_allowed", symbol + " is in allowed_coins " + coins);

        BigDecimal size = decimal(order.get("size"));
        BigDecimal maxUnits = decimal(limits.get("max_units_per_order"));
        if (size == null || maxUnits == null || size.compareTo(maxUnits) > 0) {
            return trail.fail("risk_size_within_limit", RISK_CHECK_FAILED,
                    "size " + size + " is not within max_units_per_order " + maxUnits);
        }
        trail.pass("risk_size_within_limit", size + " of at most " + maxUnits + " units");

        BigDecimal maxNotional = decimal(limits.get("max_notional_inr"));
        BigDecimal price;
        if ("market_order".equals(order.get("order_type"))) {
            price = markPrice(trail, request, symbol);
            if (price == null && maxNotional != null && !Boolean.TRUE.equals(order.get("reduce_only"))) {
                return trail.fail("risk_notional_within_limit", RISK_CHECK_FAILED, "a market order with no mark price of "
                        + symbol + " in its plan cannot be checked against max_notional_inr " + maxNotional.toPlainString());
            }
        } else {
            price = decimal(order.get("limit_price"));
        }
        if (price == null || maxNotional == null) {
            trail.pass("risk_notional_within_limit", price == null ? "no price: notional unknown" : "no max_notional_inr set");
            return null;
        }
        BigDecimal notional = price.multiply(size);
        if (notional.compareTo(maxNotional) > 0) {
            return trail.fail("risk_notional_within_limit", RISK_CHECK_FAILED,
                    "notional " + notional.toPlainString() + " exceeds max_notional_inr " + maxNotional.toPlainString());
        }
        trail.pass("risk_notional_within_limit", notional.toPlainString() + " of at most " + maxNotional.toPlainString());
        return null;
    }

    /**
     * The mark price a market order is priced at: the one its plan recorded, which the customer
     * approved with it (the payload hash covers it), for the order's own product; recorded as an
     * input of the decision. {@code null} when the plan has none.
     */
    private static BigDecimal markPrice(CheckTrail trail, ExecutionRequest request, Object symbol) {
        Map<String, Object> mark = map(request.payload() == null ? null : request.payload().get("mark_price"));
        BigDecimal price = symbol != null && symbol.equals(mark.get("product_symbol")) ? decimal(mark.get("price")) : null;
        if (price != null && price.signum() <= 0) {
            price = null;
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("product_symbol", String.valueOf(symbol));
        input.put("price", price == null ? null : price.toPlainString());
        input.put("observed_at", mark.get("observed_at") == null ? null : String.valueOf(mark.get("observed_at")));
        trail.input("mark_price", input);
        return price;
    }

    /** The order fields these checks read, as the request carries them; null when it carries no order. */
    private static Map<String, Object> orderInputs(Object order) {
        if (!(order instanceof Map<?, ?> given)) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : ORDER_FIELDS) {
            values.put(field, given.get(field));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
