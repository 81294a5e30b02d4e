package com.myagents.connectors.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.connectors.support.Commands;
import com.myagents.contracts.execution.ExecutionCommand;

class IntentsTest {

    @Test
    void readsTheGoalRunnersTradeIntentAndAFlatOrder() {
        PlaceOrder nested = (PlaceOrder) Intents.of(command("place_order",
                Commands.tradeIntent("BTCUSD", 4, "sell", "limit_order", "60250.50")));
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("product_symbol", "ETHUSD");
        flat.put("size", "2");
        flat.put("side", "buy");
        flat.put("order_type", "limit_order");
        flat.put("limit_price", new BigDecimal("3000.10"));
        flat.put("reduce_only", "true");

        PlaceOrder flatOrder = (PlaceOrder) Intents.of(command("place_order", flat));

        assertThat(nested).isEqualTo(new PlaceOrder("BTCUSD", 4, "sell", "limit_order", "60250.50", false));
        assertThat(flatOrder).isEqualTo(new PlaceOrder("ETHUSD", 2, "buy", "limit_order", "3000.1", true));
        assertThat(nested.target()).isEqualTo(Target.DELTA);
    }

    @Test
    void aMarketOrderCarriesNoPrice() {
        assertThat(((PlaceOrder) Intents.of(command("place_order",
                Commands.tradeIntent("BTCUSD", 1, "buy", "market_order", "1")))).limitPrice()).isNull();
    }

    @Test
    void readsCloseProposalsAndPosts() {
        assertThat(Intents.of(command("close_position", Commands.closeProposal("BTCUSD"))))
                .isEqualTo(new ClosePosition("BTCUSD"));
        Map<String, Object> post = new LinkedHashMap<>(Commands.linkedInPost("hello"));
        post.put("posting_identity", "urn:li:person:abc");
        assertThat(Intents.of(command("publish", post)))
                .isEqualTo(new SocialPost(Target.LINKEDIN, "hello", "urn:li:person:abc"));
        assertThat(Intents.of(command("post", Commands.xPost("x"))).target()).isEqualTo(Target.X);
    }

    @Test
    void refusesWhatIsNotAnOrderOrAPost() {
        assertInvalid("place_order", Map.of("order", Map.of("product_symbol", "BTCUSD")), "size is missing");
        assertInvalid("place_order", order(Map.of("size", 1.5)), "whole number");
        assertInvalid("place_order", order(Map.of("size", "lots")), "not a number");
        assertInvalid("place_order", order(Map.of("size", "99999999999999999999")), "too large");
        assertInvalid("place_order", order(Map.of("side", "hold")), "side must be buy or sell");
        assertInvalid("place_order", order(Map.of("order_type", "stop_order")), "order_type must be");
        assertInvalid("place_order", order(Map.of("limit_price", "-1")), "limit_price must be greater than 0");
        assertInvalid("place_order", order(Map.of("reduce_only", "maybe")), "reduce_only must be");
        assertInvalid("close_position", Map.of("order", Map.of("product_symbol", "BTCUSD")), "close_scope must be");
        assertInvalid("publish", Map.of("platform", "x", "text", "  "), "text is missing");
        assertInvalid("publish", Map.of("platform", "instagram", "text", "t", "image", Map.of("media_id", "../etc")),
                "image must name a media_id");
        assertThatThrownBy(() -> Intents.of(command("publish", Map.of("platform", "myspace", "text", "t"))))
                .isInstanceOfSatisfying(UnsupportedCommand.class,
                        e -> assertThat(e.code()).isEqualTo(Intents.UNSUPPORTED_PLATFORM));
        assertThatThrownBy(() -> Intents.of(command("delete_account", Map.of())))
                .isInstanceOfSatisfying(UnsupportedCommand.class,
                        e -> assertThat(e.code()).isEqualTo(Intents.UNSUPPORTED_ACTION));
        assertThat(Target.socialPlatform("facebook")).isSameAs(Target.FACEBOOK);
        assertThat(Target.socialPlatform("myspace")).isNull();
    }

    private static Map<String, Object> order(Map<String, Object> override) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("product_symbol", "BTCUSD");
        order.put("size", 1);
        order.put("side", "buy");
        order.put("order_type", "limit_order");
        order.put("limit_price", "100");
        order.putAll(override);
        return order;
    }

    private static void assertInvalid(String action, Map<String, Object> payload, String message) {
        assertThatThrownBy(() -> Intents.of(command(action, payload)))
                .isInstanceOfSatisfying(UnsupportedCommand.class, e -> {
                    assertThat(e.code()).isEqualTo(Intents.INVALID_PAYLOAD);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private static ExecutionCommand command(String action, Map<String, Object> payload) {
        return Commands.unsigned("h-1", action, payload);
    }
}
