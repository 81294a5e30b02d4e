package com.myagents.goals.trading;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.myagents.contracts.market.MarkPrice;
import com.myagents.goals.runs.DeliverableIds;
import com.myagents.goals.runs.Fields;
import com.myagents.goals.runs.GoalRun;
import com.myagents.goals.runs.PlannedDraft;

/**
 * Plans the drafts of the three trading goals, deterministically: a plan is a pure function of the
 * run (goal settings, instance configuration, due time), for a market order of the mark price it
 * is given (recorded in the plan), and for the guardrail report of the recorded decisions. No
 * model, no network, no clock: the same inputs give the same bytes. It has
 * no dependencies on purpose; a test fails if a content generator is ever wired in.
 *
 * <p>A plan whose risk checks fail is still drafted, so the customer sees why, but it proposes no
 * action: enforcement then denies any execution of it as an action the deliverable never proposed.
 */
public final class TradingPlanner {

    public static final String TRADE_INTENT = "trade_intent";
    public static final String CLOSE_PROPOSAL = "close_position_proposal";
    public static final String GUARDRAIL_REPORT = "guardrail_report";
    static final String PLAN_VERSION = "trading.delta_futures.v1/plan-1";
    static final String READY = "ready_for_approval";
    static final String BLOCKED = "blocked_by_risk_checks";
    private static final Set<String> SIDES = Set.of("buy", "sell");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    /** How old a mark price may be, before the run's due time, to price a market order. */
    static final Duration MARK_PRICE_MAX_AGE = Duration.ofMinutes(15);

    public List<PlannedDraft> tradeIntent(GoalRun run) {
        return tradeIntent(run, MarkPrices.NONE);
    }

    /**
     * A trade intent. A market order's notional is its units × the latest mark price known of its
     * product: the price used is an input of the plan, recorded in it ({@code mark_price}), so the
     * same run with the same price gives the same bytes. An entering market order is refused (plan
     * blocked) when no recent price is known and a {@code max_notional_inr} is set: its notional
     * could not be checked.
     */
    public List<PlannedDraft> tradeIntent(GoalRun run, MarkPrices prices) {
        TradingProfile profile = TradingProfile.of(run.config());
        Fields settings = run.settings();
        List<RiskCheck> checks = new ArrayList<>();

        String coin = chooseCoin(settings.text("coin", null), profile, checks);
        checks.add(coinAllowed(profile, coin));

        String intent = settings.text("intent", "enter");
        boolean exit = "exit".equals(intent);
        checks.add("enter".equals(intent) || exit ? RiskCheck.pass("intent_valid", intent)
                : RiskCheck.fail("intent_valid", "intent must be enter or exit, not " + intent));

        String side = settings.text("side", null);
        checks.add(SIDES.contains(side) ? RiskCheck.pass("side_valid", side)
                : RiskCheck.fail("side_valid", "side must be buy or sell, not " + side));

        String orderType = orderType(settings.text("order_type", "limit"));
        BigDecimal limitPrice = "limit_order".equals(orderType) ? settings.decimal("limit_price") : null;
        checks.add(orderTypeCheck(orderType, limitPrice));

        Long size = wholeUnits(settings.decimal("units"));
        checks.add(sizeCheck(size, settings.raw("units"), profile));

        MarkPrice mark = "market_order".equals(orderType) && coin != null
                ? usable(prices.latest(TradingProfile.productSymbol(coin)), run.dueAt()) : null;
        BigDecimal price = limitPrice != null ? limitPrice : mark == null ? null : mark.value();
        BigDecimal notional = size != null && price != null ? price.multiply(BigDecimal.valueOf(size)) : null;
        checks.add(notionalCheck(notional, orderType, profile, exit, coin));

        String deliverableId = DeliverableIds.of(run.runId(), 0);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product_symbol", coin == null ? null : TradingProfile.productSymbol(coin));
        order.put("size", size);
        order.put("side", side);
        order.put("order_type", orderType);
        if (limitPrice != null) {
            order.put("limit_price", Decimals.text(limitPrice));
        }
        order.put("reduce_only", exit);
        order.put("client_order_id", DeliverableIds.clientOrderId(deliverableId));

        Map<String, Object> payload = plan(run, profile, checks);
        payload.put("intent", intent);
        payload.put("coin", coin);
        payload.put("order", order);
        payload.put("notional_inr", notional == null ? null : Decimals.text(notional));
        if ("market_order".equals(orderType)) {
            payload.put("mark_price", mark == null ? null : markPayload(mark));
        }
        return List.of(new PlannedDraft(0, TRADE_INTENT, payload, proposed(checks, "place_order"), run.dueAt()));
    }

    /** One close proposal per watched coin ({@code coins}, else the default coin), open for the window. */
    public List<PlannedDraft> closeReminders(GoalRun run) {
        TradingProfile profile = TradingProfile.of(run.config());
        Fields settings = run.settings();
        List<String> coins = settings.texts("coins");
        if (coins.isEmpty() && profile.defaultCoin() != null) {
            coins = List.of(profile.defaultCoin());
        }
        int windowMinutes = Math.max(5, Math.min(240, settings.integer("window_minutes", 30)));
        Instant opens = run.dueAt();
        Instant closes = opens.plusSeconds(windowMinutes * 60L);
        ZoneId zone = run.zone();
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("opens_at", opens.toString());
        window.put("closes_at", closes.toString());
        window.put("opens_at_local", opens.atZone(zone).toLocalDateTime().format(LOCAL));
        window.put("closes_at_local", closes.atZone(zone).toLocalDateTime().format(LOCAL));
        window.put("timezone", zone.getId());
        window.put("minutes", windowMinutes);

        List<PlannedDraft> drafts = new ArrayList<>();
        for (String coin : coins) {
            int index = drafts.size();
            List<RiskCheck> checks = List.of(coinAllowed(profile, coin));
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("product_symbol", TradingProfile.productSymbol(coin));
            order.put("order_type", "market_order");
            order.put("reduce_only", true);
            order.put("client_order_id", DeliverableIds.clientOrderId(DeliverableIds.of(run.runId(), index)));
            Map<String, Object> payload = plan(run, profile, checks);
            payload.put("action", "close_position");
            payload.put("coin", coin);
            // the open position's size and side are the exchange's to know: the connector closes all of it
            payload.put("close_scope", "entire_open_position");
            payload.put("order", order);
            payload.put("window", window);
            drafts.add(new PlannedDraft(index, CLOSE_PROPOSAL, payload, proposed(checks, "close_position"), opens));
        }
        return drafts;
    }

    /** Limits, allowed coins and the last N attempted actions up to the run's due time; proposes nothing. */
    public PlannedDraft guardrailReport(GoalRun run, RecentAttempts recent) {
        TradingProfile profile = TradingProfile.of(run.config());
        Fields settings = run.settings();
        int lastN = Math.max(1, Math.min(100, settings.integer("last_n_attempts", 20)));
        boolean includeDenied = settings.bool("include_denied", true);
        List<Attempt> shown = recent.decidedBy(run.dueAt()).stream()
                .filter(a -> includeDenied || !a.denied())
                .limit(lastN)
                .toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("allowed", shown.stream().filter(a -> !a.denied()).count());
        summary.put("denied", shown.stream().filter(Attempt::denied).count());

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("plan_version", PLAN_VERSION);
        payload.put("as_of", run.dueAt().toString());
        payload.put("exchange", profile.exchange());
        payload.put("limits", profile.limitsPayload());
        payload.put("allowed_coins", profile.allowedCoins());
        payload.put("default_coin", profile.defaultCoin());
        payload.put("attempts_requested", lastN);
        payload.put("include_denied", includeDenied);
        payload.put("last_attempts", shown.stream().map(Attempt::toPayload).toList());
        payload.put("summary", summary);
        return new PlannedDraft(0, GUARDRAIL_REPORT, payload, List.of(), run.dueAt());
    }

    private static Map<String, Object> plan(GoalRun run, TradingProfile profile, List<RiskCheck> checks) {
        boolean ready = checks.stream().noneMatch(RiskCheck::failed);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("plan_version", PLAN_VERSION);
        payload.put("as_of", run.dueAt().toString());
        payload.put("exchange", profile.exchange());
        payload.put("plan_status", ready ? READY : BLOCKED);
        payload.put("risk_checks", checks.stream().map(RiskCheck::toPayload).toList());
        payload.put("limits", profile.limitsPayload());
        payload.put("allowed_coins", profile.allowedCoins());
        payload.put("default_coin", profile.defaultCoin());
        return payload;
    }

    private static List<String> proposed(List<RiskCheck> checks, String action) {
        return checks.stream().anyMatch(RiskCheck::failed) ? List.of() : List.of(action);
    }

    private static String chooseCoin(String requested, TradingProfile profile, List<RiskCheck> checks) {
        if (requested != null) {
            checks.add(RiskCheck.pass("coin_chosen", "coin " + requested + " from the goal settings"));
            return requested;
        }
        if (profile.defaultCoin() != null) {
            checks.add(RiskCheck.pass("coin_chosen", "no coin in the goal settings: default coin " + profile.defaultCoin()));
            return profile.defaultCoin();
        }
        checks.add(RiskCheck.fail("coin_chosen", "no coin in the goal settings and no default_coin configured"));
        return null;
    }

    private static RiskCheck coinAllowed(TradingProfile profile, String coin) {
        if (coin != null && profile.allows(coin)) {
            return RiskCheck.pass("coin_allowed", coin + " is in allowed_coins " + profile.allowedCoins());
        }
        return RiskCheck.fail("coin_allowed", coin + " is not in allowed_coins " + profile.allowedCoins());
    }

    private static String orderType(String setting) {
        return switch (setting) {
            case "market", "market_order" -> "market_order";
            case "limit", "limit_order" -> "limit_order";
            default -> setting;
        };
    }

    private static RiskCheck orderTypeCheck(String orderType, BigDecimal limitPrice) {
        if ("market_order".equals(orderType)) {
            return RiskCheck.pass("order_type_valid", "market_order");
        }
        if (!"limit_order".equals(orderType)) {
            return RiskCheck.fail("order_type_valid", "order_type must be market or limit, not " + orderType);
        }
        if (limitPrice == null || limitPrice.signum() <= 0) {
            return RiskCheck.fail("order_type_valid", "a limit order needs a limit_price greater than 0");
        }
        return RiskCheck.pass("order_type_valid", "limit_order at " + Decimals.text(limitPrice));
    }

    private static Long wholeUnits(BigDecimal units) {
        if (units == null || units.signum() <= 0 || units.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return units.longValueExact();
    }

    private static RiskCheck sizeCheck(Long size, Object requested, TradingProfile profile) {
        String check = "size_within_max_units_per_order";
        if (size == null) {
            return RiskCheck.fail(check, "units must be a whole number of contracts greater than 0, not " + requested);
        }
        if (profile.maxUnitsPerOrder() == null) {
            return RiskCheck.fail(check, "no max_units_per_order is configured");
        }
        String detail = size + " of at most " + profile.maxUnitsPerOrder() + " units";
        return size <= profile.maxUnitsPerOrder() ? RiskCheck.pass(check, detail) : RiskCheck.fail(check, detail);
    }

    /** A price the plan may use: known, positive, and observed no longer than {@link #MARK_PRICE_MAX_AGE} before the run. */
    private static MarkPrice usable(MarkPrice mark, Instant dueAt) {
        if (mark == null || mark.value() == null || mark.observedAt() == null
                || mark.observedAt().isBefore(dueAt.minus(MARK_PRICE_MAX_AGE))) {
            return null;
        }
        return mark;
    }

    private static Map<String, Object> markPayload(MarkPrice mark) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("product_symbol", mark.productSymbol());
        price.put("price", Decimals.text(mark.value()));
        price.put("observed_at", mark.observedAt().toString());
        price.put("exchange", mark.exchange());
        return price;
    }

    private static RiskCheck notionalCheck(BigDecimal notional, String orderType, TradingProfile profile, boolean exit,
            String coin) {
        String check = "notional_within_max_notional_inr";
        if (notional == null && "market_order".equals(orderType) && !exit && profile.maxNotionalInr() != null) {
            return RiskCheck.fail(check, "no mark price of " + (coin == null ? "the product" : TradingProfile.productSymbol(coin))
                    + " from the last " + MARK_PRICE_MAX_AGE.toMinutes() + " minutes is known, so a market order's notional"
                    + " cannot be checked against max_notional_inr " + Decimals.text(profile.maxNotionalInr())
                    + "; use a limit order");
        }
        if (notional == null) {
            return RiskCheck.skipped(check, exit ? "no price is known for a " + orderType + " that only reduces exposure"
                    : "no price is known for a " + orderType);
        }
        if (profile.maxNotionalInr() == null) {
            return RiskCheck.skipped(check, "no max_notional_inr is configured (notional " + Decimals.text(notional) + ")");
        }
        String detail = "notional " + Decimals.text(notional) + " of at most " + Decimals.text(profile.maxNotionalInr());
        return notional.compareTo(profile.maxNotionalInr()) <= 0 ? RiskCheck.pass(check, detail)
                : RiskCheck.fail(check, detail);
    }
}
