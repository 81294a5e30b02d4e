package com.myagents.connectors.delta;

import static com.myagents.connectors.support.StubPlatforms.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.myagents.connectors.actions.ActionStatus;
import com.myagents.connectors.command.Publication;
import com.myagents.connectors.connector.RetryLater;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.Connectors;
import com.myagents.connectors.support.StubPlatforms;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ExecutionResult.Status;

import tools.jackson.databind.JsonNode;

class DeltaOrdersTest {

    static final String ORDER = """
            {"id":4711,"size":3,"unfilled_size":3,"side":"buy","order_type":"limit_order","limit_price":"59000.5",
             "paid_commission":"0.05","commission":"0.1","client_order_id":"%s","state":"open","product_symbol":"BTCUSD"}""";

    // given, for each test, a trading instance with an exchange credential
    final Connectors connectors = Connectors.live();
    final StubPlatforms delta = connectors.platforms;
    final Connectors.TradingInstance trading = connectors.tradingInstanceWithExchangeSetup();
    final String instance = trading.id();
    final String ref = trading.exchangeRef();

    @Test
    void placesTheApprovedOrderSignedAsDeltaRequiresAndKeyedByTheIdempotencyKey() {
        ExecutionCommand command = order(3, "limit_order", "59000.5");
        delta.deltaHasNoOrder(command.idempotencyKey());
        delta.deltaPlaces(ORDER.formatted(command.idempotencyKey()));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        assertThat(result.externalId()).isEqualTo("4711");
        assertThat(result.idempotencyKey()).isEqualTo(command.idempotencyKey());
        assertThat(result.costMinor()).as("0.05 USD at 85 INR/USD in paise").isEqualTo(425);
        assertThat(result.commandId()).isEqualTo(command.commandId());
        assertThat(result.deliverableId()).isEqualTo(command.deliverableId());
        assertThat(result.detail()).contains("order 4711 placed", "client_order_id " + command.idempotencyKey());
        LoggedRequest sent = delta.deltaOrdersSent().get(0);
        assertThat(StubPlatforms.deltaSignatureValid(sent)).isTrue();
        JsonNode body = Json.readTree(sent.getBodyAsString());
        assertThat(body.get("product_symbol").asString()).isEqualTo("BTCUSD");
        assertThat(body.get("size").asLong()).isEqualTo(3);
        assertThat(body.get("side").asString()).isEqualTo("buy");
        assertThat(body.get("order_type").asString()).isEqualTo("limit_order");
        assertThat(body.get("limit_price").asString()).isEqualTo("59000.5");
        assertThat(body.get("reduce_only").asString()).isEqualTo("false");
        assertThat(body.get("client_order_id").asString()).isEqualTo(command.idempotencyKey());
        assertThat(sent.getHeader("User-Agent")).isEqualTo("myagents-test");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        assertThat(delta.vaultCallers()).extracting(p -> p.id()).contains("connector-delta");
        assertThat(Json.readTree(delta.vaultCalls().get(0).getBodyAsString()).get("purpose").asString())
                .isEqualTo("place_order");
    }

    @Test
    void aRedeliveredCommandNeverPlacesASecondOrder() {
        ExecutionCommand command = order(1, "market_order", null);
        delta.deltaHasNoOrder(command.idempotencyKey());
        delta.deltaPlaces(ORDER.formatted(command.idempotencyKey()));

        Publication first = connectors.handler.handle(Commands.record(command));
        Publication again = connectors.handler.handle(Commands.record(command));
        Publication andAgain = connectors.handler.handle(Commands.record(command));

        assertThat(delta.deltaOrdersSent()).hasSize(1);
        assertThat(again.result()).isEqualTo(first.result());
        assertThat(andAgain.result()).isEqualTo(first.result());
        assertThat(delta.vaultCalls()).as("a finished action is replayed from its record").hasSize(1);
    }

    @Test
    void anAnswerLostAfterSendingIsSettledByLookingTheOrderUpNotBySendingAgain() {
        ExecutionCommand command = newOrderAnswered(2, com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatThrownBy(() -> connectors.handler.handle(Commands.record(command))).isInstanceOf(RetryLater.class);
        assertThat(connectors.actions.find(command.idempotencyKey())).hasValueSatisfying(row ->
                assertThat(row.status()).isEqualTo(ActionStatus.IN_FLIGHT));

        // the order did reach Delta: the redelivery finds it and sends nothing
        delta.deltaHasOrder(command.idempotencyKey(), ORDER.formatted(command.idempotencyKey()));
        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        assertThat(result.externalId()).isEqualTo("4711");
        assertThat(result.detail()).contains("placed by an earlier attempt", "not placed again");
        assertThat(delta.deltaOrdersSent()).hasSize(1);
    }

    @Test
    void anOrderDeltaNeverTookIsSentOnceMoreAfterTheLookUpFindsNothing() {
        ExecutionCommand command = newOrderAnswered(2,
                json(503, "{\"success\":false,\"error\":{\"code\":\"service_unavailable\"}}"));

        assertThatThrownBy(() -> connectors.handler.handle(Commands.record(command))).isInstanceOf(RetryLater.class);
        delta.deltaPlaces(ORDER.formatted(command.idempotencyKey()));
        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();
        connectors.handler.handle(Commands.record(command));

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        assertThat(delta.deltaOrdersSent()).as("the 503 and the one that went through").hasSize(2);
    }

    @Test
    void anEmptyAnswerLeavesTheOrderInFlightForTheNextAttemptsLookUp() {
        ExecutionCommand command = newOrderAnswered(2, com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withFault(Fault.EMPTY_RESPONSE));

        assertThatThrownBy(() -> connectors.handler.handle(Commands.record(command)))
                .isInstanceOf(RetryLater.class).hasMessageContaining("did not answer");
        assertThat(connectors.actions.find(command.idempotencyKey())).hasValueSatisfying(row ->
                assertThat(row.inFlight()).isTrue());
    }

    @Test
    void mapsDeltasRefusalsToAFailedResultWithAClearDetail() {
        assertThat(refusedWith(json(400, """
                {"success":false,"error":{"code":"insufficient_margin","context":{"additional_margin_required":"0.121"}}}""")))
                .startsWith("insufficient_margin: ")
                .contains("margin available is not enough", "additional_margin_required");
        assertThat(refusedWith(json(400, "{\"success\":false,\"error\":{\"code\":\"risk_limits_breached\"}}")))
                .startsWith("risk_limits_breached: ").contains("risk limits");
        assertThat(refusedWith(json(429, "{\"success\":false}").withHeader("X-RATE-LIMIT-RESET", "1200")))
                .startsWith("rate_limited: ").contains("not sent", "1200 ms");
        assertThat(refusedWith(json(400, "{\"success\":false,\"error\":{\"code\":\"bad_schema\"}}")))
                .startsWith("bad_schema: ").contains("HTTP 400");
        assertThat(refusedWith(json(403, "{\"error\":\"UnauthorizedApiAccess\",\"message\":\"no trading\"}")))
                .startsWith("unauthorized_api_access: ").contains("trading permission");
    }

    @Test
    void aWrongSecretIsRefusedByDeltaAsAnInvalidSignatureAndNothingIsPlaced() {
        delta.vaultHasExchangeSetup(ref, Commands.CUSTOMER_ID, StubPlatforms.DELTA_API_KEY, "not-the-secret");
        ExecutionCommand command = order(1, "market_order", null);
        delta.deltaHasNoOrder(command.idempotencyKey());
        delta.deltaPlaces(ORDER.formatted(command.idempotencyKey()));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("invalid_signature: ").contains("signature");
        assertThat(delta.deltaOrdersSent()).isEmpty();
    }

    @Test
    void closesTheEntireOpenPositionWithAReduceOnlyMarketOrder() {
        ExecutionCommand command = Commands.signed(instance, "close_position", Commands.closeProposal("ETHUSD"));
        delta.deltaHasNoOrder(command.idempotencyKey());
        delta.deltaHasPositions("""
                [{"product_symbol":"BTCUSD","size":2,"entry_price":"60000"},
                 {"product_symbol":"ETHUSD","size":-5,"entry_price":"3000"}]""");
        delta.deltaPlaces("""
                {"id":99,"size":5,"side":"buy","order_type":"market_order","client_order_id":"%s","state":"closed",
                 "paid_commission":"0.012","product_symbol":"ETHUSD"}""".formatted(command.idempotencyKey()));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        assertThat(result.externalId()).isEqualTo("99");
        assertThat(result.costMinor()).isEqualTo(102);
        JsonNode body = Json.readTree(delta.deltaOrdersSent().get(0).getBodyAsString());
        assertThat(body.get("product_symbol").asString()).isEqualTo("ETHUSD");
        assertThat(body.get("size").asLong()).isEqualTo(5);
        assertThat(body.get("side").asString()).as("a short position closes with a buy").isEqualTo("buy");
        assertThat(body.get("order_type").asString()).isEqualTo("market_order");
        assertThat(body.get("reduce_only").asString()).isEqualTo("true");
        assertThat(body.get("client_order_id").asString()).isEqualTo(command.idempotencyKey());
    }

    @Test
    void closingWithoutAnOpenPositionSendsNoOrder() {
        ExecutionCommand command = Commands.signed(instance, "close_position", Commands.closeProposal("BTCUSD"));
        delta.deltaHasNoOrder(command.idempotencyKey());
        delta.deltaHasPositions("[{\"product_symbol\":\"ETHUSD\",\"size\":1}]");

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("no_open_position: ").contains("BTCUSD");
        assertThat(delta.deltaOrdersSent()).isEmpty();
    }

    @Test
    void aCredentialTheVaultDoesNotHaveFailsWithoutTouchingTheExchange() {
        String otherInstance = UUID.randomUUID().toString();
        connectors.tradingInstance(otherInstance, "cref_gone");
        ExecutionCommand command = Commands.signed(otherInstance, "place_order",
                Commands.tradeIntent("BTCUSD", 1, "sell", "market_order", null));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("credential_not_found: ").contains("cref_gone", "Nothing was sent");
        assertThat(delta.allRequests()).noneMatch(r -> r.getUrl().startsWith("/v2/"));
    }

    private String refusedWith(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        ExecutionCommand command = newOrderAnswered(1, answer);
        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.externalId()).isNull();
        assertThat(result.costMinor()).isZero();
        return result.detail();
    }

    /** A market order Delta has not seen yet, whose placing it answers with {@code answer}. */
    private ExecutionCommand newOrderAnswered(long size, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        ExecutionCommand command = order(size, "market_order", null);
        delta.deltaHasNoOrder(command.idempotencyKey());
        delta.deltaAnswersOrders(answer);
        return command;
    }

    private ExecutionCommand order(long size, String orderType, String limitPrice) {
        return Commands.signed(instance, "place_order",
                Commands.tradeIntent("BTCUSD", size, "buy", orderType, limitPrice));
    }
}
