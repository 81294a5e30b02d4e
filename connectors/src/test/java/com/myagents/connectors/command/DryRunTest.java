package com.myagents.connectors.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.myagents.connectors.connector.DryRunDetail;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.Connectors;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ExecutionResult.Status;

import tools.jackson.databind.JsonNode;

class DryRunTest {

    Connectors connectors;
    String instance;

    @BeforeEach
    void givenConnectorsInDryRun() {
        connectors = Connectors.dryRun();
        instance = UUID.randomUUID().toString();
    }

    @Test
    void recordsTheSignedDeltaOrderItWouldSendAndCallsNothing() {
        ExecutionCommand command = Commands.signed(instance, "place_order",
                Commands.tradeIntent("BTCUSD", 3, "sell", "limit_order", "61000"));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.DRY_RUN);
        assertThat(result.externalId()).isNull();
        assertThat(result.costMinor()).isZero();
        assertThat(result.idempotencyKey()).isEqualTo(command.idempotencyKey());
        JsonNode detail = Json.readTree(result.detail());
        assertThat(detail.get("label").asString()).isEqualTo(DryRunDetail.LABEL).startsWith("DRY RUN");
        assertThat(detail.get("mode").asString()).isEqualTo("dry_run");
        JsonNode lookUp = detail.get("requests").get(0);
        assertThat(lookUp.get("method").asString()).isEqualTo("GET");
        assertThat(lookUp.get("url").asString()).endsWith("/v2/orders/client_order_id/" + command.idempotencyKey());
        JsonNode order = detail.get("requests").get(1);
        assertThat(order.get("method").asString()).isEqualTo("POST");
        assertThat(order.get("url").asString()).isEqualTo(connectors.platforms.uri() + "/v2/orders");
        assertThat(order.get("headers").get("api-key").asString()).contains("resolved from CP's vault at send time");
        assertThat(order.get("headers").get("signature").asString()).contains("HMAC-SHA256");
        assertThat(order.get("headers").get("User-Agent").asString()).isEqualTo("myagents-test");
        JsonNode body = order.get("body");
        assertThat(body.get("product_symbol").asString()).isEqualTo("BTCUSD");
        assertThat(body.get("size").asLong()).isEqualTo(3);
        assertThat(body.get("side").asString()).isEqualTo("sell");
        assertThat(body.get("limit_price").asString()).isEqualTo("61000");
        assertThat(body.get("client_order_id").asString()).isEqualTo(command.idempotencyKey());
        assertThat(connectors.platforms.allRequests()).as("no vault call, no exchange call").isEmpty();
    }

    @Test
    void recordsAClosePositionWithTheLookUpsItWouldMake() {
        ExecutionCommand command = Commands.signed(instance, "close_position", Commands.closeProposal("ETHUSD"));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        JsonNode requests = Json.readTree(result.detail()).get("requests");
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).get("url").asString()).endsWith("/v2/positions/margined");
        assertThat(requests.get(2).get("body").get("reduce_only").asString()).isEqualTo("true");
        assertThat(requests.get(2).get("body").get("size").asString()).contains("looked up at send time");
        assertThat(Json.readTree(result.detail()).get("notes").toString()).contains("no open ETHUSD position");
        assertThat(connectors.platforms.allRequests()).isEmpty();
    }

    @Test
    void recordsLinkedInAndXPostsWithTheirTokensRedacted() {
        ExecutionCommand linkedIn = Commands.signed(instance, "publish", Commands.linkedInPost("Hello (world)"));
        ExecutionCommand x = Commands.signed(instance, "publish", Commands.xPost("Hello X"));

        JsonNode li = Json.readTree(connectors.handler.handle(Commands.record(linkedIn)).result().orElseThrow().detail());
        JsonNode tweet = Json.readTree(connectors.handler.handle(Commands.record(x)).result().orElseThrow().detail());

        JsonNode post = li.get("requests").get(0);
        assertThat(post.get("url").asString()).endsWith("/rest/posts");
        assertThat(post.get("headers").get("Authorization").asString()).contains("resolved from CP's vault at send time");
        assertThat(post.get("headers").get("LinkedIn-Version").asString()).isEqualTo("202605");
        assertThat(post.get("body").get("commentary").asString()).isEqualTo("Hello \\(world\\)");
        assertThat(post.get("body").get("author").asString()).contains("resolved at send time");
        assertThat(tweet.get("requests").get(0).get("url").asString()).endsWith("/2/tweets");
        assertThat(tweet.get("requests").get(0).get("body").get("text").asString()).isEqualTo("Hello X");
        assertThat(tweet.get("requests").get(0).get("headers").get("Authorization").asString()).doesNotContain("x-user");
        assertThat(connectors.platforms.allRequests()).isEmpty();
    }

    @Test
    void aRedeliveredDryRunIsTheSameResultAndALaterLiveModeDoesNotActOnIt() {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("Only a rehearsal"));
        ExecutionResult rehearsed = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        Connectors live = Connectors.live();
        ExecutionResult replayed = live.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(replayed).isEqualTo(rehearsed);
        assertThat(live.platforms.allRequests()).isEmpty();
    }

    @Test
    void aCommandNoConnectorPerformsFailsWithItsReason() {
        ExecutionCommand instagram = Commands.signed(instance, "publish",
                java.util.Map.of("platform", "myspace", "text", "pic"));
        ExecutionCommand broken = Commands.signed(instance, "place_order",
                Commands.tradeIntent("BTCUSD", 0, "buy", "market_order", null));

        assertThat(connectors.handler.handle(Commands.record(instagram)).result().orElseThrow().detail())
                .startsWith("unsupported_platform: ").contains("myspace");
        assertThat(connectors.handler.handle(Commands.record(broken)).result().orElseThrow().detail())
                .startsWith("invalid_payload: ").contains("size");
    }
}
