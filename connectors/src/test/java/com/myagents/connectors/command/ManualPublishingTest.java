package com.myagents.connectors.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.Connectors;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ExecutionResult.Status;

/** A post the customer published by hand is recorded, never sent, in any mode. */
class ManualPublishingTest {

    @Test
    void aManualPublicationIsRecordedAsExecutedManuallyWithoutCallingAnythingEvenInDryRun() {
        Connectors connectors = Connectors.dryRun();
        ExecutionCommand command = Commands.manual(Commands.signed(UUID.randomUUID().toString(), "publish",
                Commands.post("youtube", "Our new clinic tour", null)), "https://www.youtube.com/post/Ugkx1");

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();
        ExecutionResult again = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.EXECUTED_MANUALLY);
        assertThat(result.externalId()).isEqualTo("https://www.youtube.com/post/Ugkx1");
        assertThat(result.detail()).startsWith("published by hand on YouTube by the customer");
        assertThat(again).isEqualTo(result);
        assertThat(connectors.platforms.allRequests()).isEmpty();
        assertThat(connectors.actions.find(command.idempotencyKey()).orElseThrow().status().dbValue())
                .isEqualTo("executed_manually");
    }

    @Test
    void aPlatformWithoutAConnectorIsNotSentButPointsToManualPublishing() {
        Connectors connectors = Connectors.live();
        ExecutionCommand command = Commands.signed(UUID.randomUUID().toString(), "publish",
                Commands.post("whatsapp", "Clinic open on Sunday", null));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("unsupported_platform: ").contains("publish it by hand");
        assertThat(connectors.platforms.allRequests()).isEmpty();
    }

    @Test
    void onlyAPostCanBeMarkedAsPublishedByHand() {
        Connectors connectors = Connectors.live();
        ExecutionCommand command = Commands.manual(Commands.signed(UUID.randomUUID().toString(), "place_order",
                Commands.tradeIntent("BTCUSD", 1, "buy", "market_order", null)), null);

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("unsupported_action: ");
        assertThat(connectors.platforms.allRequests()).isEmpty();
    }
}
