package com.myagents.connectors.delta;

import static com.myagents.connectors.support.StubPlatforms.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.connectors.connector.DryRunDetail;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.Connectors;
import com.myagents.connectors.support.StubPlatforms;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionMode;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ExecutionResult.Status;

/**
 * Live connectors still only describe a command enforcement signed as a dry run (a trial's
 * dry-run action); a retry of a failed order with a fresh approval reaches Delta under the same
 * client_order_id, so it can never place the order twice.
 */
class TrialDryRunAndRetryTest {

    // given, for each test, live connectors and a trading instance with an exchange credential
    final Connectors connectors = Connectors.live();
    final StubPlatforms delta = connectors.platforms;
    final String instance = connectors.tradingInstanceWithExchangeSetup().id();

    @Test
    void aSignedDryRunCommandIsDescribedAndNothingIsSentEvenInLiveMode() {
        ExecutionCommand command = Commands.SIGNER.sign(as(Commands.unsigned(instance, "place_order",
                Commands.tradeIntent("BTCUSD", 1, "buy", "limit_order", "60000")), ExecutionMode.DRY_RUN, key()));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.DRY_RUN);
        var detail = Json.readTree(result.detail());
        assertThat(detail.get("why").asString()).isEqualTo(DryRunDetail.TRIAL);
        assertThat(detail.get("requests").get(1).get("body").get("client_order_id").asString())
                .isEqualTo(command.platformKey());
        assertThat(delta.allRequests()).as("neither the vault nor the exchange is called").isEmpty();
    }

    @Test
    void aRetryAfterAFailedOrderPlacesItUnderTheSameClientOrderId() {
        String platformKey = key();
        ExecutionCommand first = command(platformKey);
        delta.deltaHasNoOrder(platformKey);
        delta.deltaAnswersOrders(json(400, "{\"success\":false,\"error\":{\"code\":\"insufficient_margin\"}}"));
        assertThat(connectors.handler.handle(Commands.record(first)).result().orElseThrow().status()).isEqualTo(Status.FAILED);

        delta.deltaPlaces(DeltaOrdersTest.ORDER.formatted(platformKey));
        ExecutionResult retried = connectors.handler.handle(Commands.record(command(platformKey))).result().orElseThrow();

        assertThat(retried.status()).isEqualTo(Status.EXECUTED);
        assertThat(delta.deltaOrdersSent()).hasSize(2).allSatisfy(sent ->
                assertThat(Json.readTree(sent.getBodyAsString()).get("client_order_id").asString()).isEqualTo(platformKey));
    }

    @Test
    void aRetryOfAnOrderAnEarlierAttemptDidPlaceIsNotPlacedAgain() {
        String platformKey = key();
        delta.deltaHasOrder(platformKey, DeltaOrdersTest.ORDER.formatted(platformKey));

        ExecutionResult retried = connectors.handler.handle(Commands.record(command(platformKey))).result().orElseThrow();

        assertThat(retried.status()).isEqualTo(Status.EXECUTED);
        assertThat(retried.detail()).contains("not placed again");
        assertThat(delta.deltaOrdersSent()).isEmpty();
    }

    /** A live order under a fresh approval (its own idempotency key) of the payload this platform key names. */
    private ExecutionCommand command(String platformKey) {
        return Commands.SIGNER.sign(as(Commands.unsigned(instance, "place_order",
                Commands.tradeIntent("BTCUSD", 1, "buy", "limit_order", "60000")), ExecutionMode.LIVE, platformKey));
    }

    private static ExecutionCommand as(ExecutionCommand c, ExecutionMode mode, String platformKey) {
        return new ExecutionCommand(c.commandId(), c.correlationId(), c.decisionId(), c.deliverableId(), c.subscriptionId(),
                c.customerId(), c.hiredInstanceId(), c.action(), c.approvalId(), c.idempotencyKey(), c.payload(),
                c.issuedAt(), null, mode, platformKey);
    }

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
