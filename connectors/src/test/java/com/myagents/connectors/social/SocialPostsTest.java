package com.myagents.connectors.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.myagents.connectors.support.StubPlatforms.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.connector.RetryLater;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.Connectors;
import com.myagents.connectors.support.StubPlatforms;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ExecutionResult.Status;

import tools.jackson.databind.JsonNode;

class SocialPostsTest {

    static final String AUTHOR = "urn:li:organization:2414183";

    final Connectors connectors = Connectors.live();
    final StubPlatforms platforms = connectors.platforms;
    final String instance = UUID.randomUUID().toString();
    final String linkedInRef = "cref_li_" + UUID.randomUUID().toString().substring(0, 8);
    final String xRef = "cref_x_" + UUID.randomUUID().toString().substring(0, 8);
    final String linkedInToken = "AQV-" + UUID.randomUUID();

    @BeforeEach
    void givenAMarketingInstanceConnectedToLinkedInAndX() {
        connectors.marketingInstance(instance, Map.of("linkedin", linkedInRef, "x", xRef));
        platforms.vaultHasPlatformCredential(linkedInRef, Commands.CUSTOMER_ID, "linkedin", AUTHOR, linkedInToken,
                Instant.now().plus(Duration.ofDays(30)));
        platforms.vaultHasPlatformCredential(xRef, Commands.CUSTOMER_ID, "x", "@clinic", "x-user-token", null);
    }

    @Test
    void publishesOnLinkedInThroughThePostsApiAsTheCredentialsAuthor() {
        ExecutionCommand command = Commands.signed(instance, "publish",
                Commands.linkedInPost("Flu shots (walk-in) at 9 am! #health #FluSeason https://clinic.example/flu"));
        platforms.linkedInAccepts("urn:li:share:7001");

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        assertThat(result.externalId()).isEqualTo("urn:li:share:7001");
        assertThat(result.costMinor()).isZero();
        LoggedRequest sent = platforms.linkedInPosts().get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + linkedInToken);
        assertThat(sent.getHeader("LinkedIn-Version")).isEqualTo("202605");
        assertThat(sent.getHeader("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
        JsonNode body = Json.readTree(sent.getBodyAsString());
        assertThat(body.get("author").asString()).isEqualTo(AUTHOR);
        assertThat(body.get("commentary").asString())
                .isEqualTo("Flu shots \\(walk-in\\) at 9 am! #health #FluSeason https://clinic.example/flu");
        assertThat(body.get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(body.get("lifecycleState").asString()).isEqualTo("PUBLISHED");
        assertThat(body.get("distribution").get("feedDistribution").asString()).isEqualTo("MAIN_FEED");
        assertThat(platforms.vaultCallers()).extracting(p -> p.id()).contains("connector-linkedin");
    }

    @Test
    void publishesOnXWithTheUsersToken() {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("Open on Sunday 🦷 #dental"));
        platforms.xAccepts("1850000000000000001");

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        assertThat(result.externalId()).isEqualTo("1850000000000000001");
        LoggedRequest sent = platforms.xPosts().get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer x-user-token");
        assertThat(Json.readTree(sent.getBodyAsString()).get("text").asString()).isEqualTo("Open on Sunday 🦷 #dental");
    }

    @Test
    void aRedeliveredPostIsNeverPostedAgain() {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("Once only"));
        platforms.xAccepts("1850000000000000002");

        ExecutionResult first = connectors.handler.handle(Commands.record(command)).result().orElseThrow();
        ExecutionResult second = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(platforms.xPosts()).hasSize(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aPostAnEarlierAttemptClaimedAndNeverFinishedIsFailedAsOutcomeUnknownNotPostedAgain() {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.linkedInPost("Maybe posted"));
        platforms.linkedInAccepts("urn:li:share:7002");
        // an attempt claimed the key and crashed before it could record what happened
        connectors.actions.claim(command, "linkedin");

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("outcome_unknown: ").contains("a person has to check");
        assertThat(platforms.linkedInPosts()).isEmpty();
        assertThat(connectors.handler.handle(Commands.record(command)).result()).contains(result);
    }

    @Test
    void aLostAnswerFailsThePostAsOutcomeUnknownAndItIsNotRetried() {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.linkedInPost("Lost answer"));
        platforms.linkedInAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();
        connectors.handler.handle(Commands.record(command));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("outcome_unknown: ").contains("LinkedIn");
        assertThat(platforms.linkedInPosts()).hasSize(1);
    }

    @Test
    void aServerErrorLeavesThePostUnknown() {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("5xx"));
        platforms.xAnswers(json(503, "{\"title\":\"Service Unavailable\"}"));

        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();

        assertThat(result.detail()).startsWith("outcome_unknown: ").contains("HTTP 503");
    }

    @Test
    void mapsPlatformRefusals() {
        platforms.xAnswers(json(403, "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\"}"));
        assertThat(postOnX()).startsWith("platform_forbidden: ").contains("duplicate content");
        platforms.xAnswers(json(401, "{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\"}"));
        assertThat(postOnX()).startsWith("platform_unauthorized: ").contains("reconnect X in CP");
        platforms.xAnswers(json(429, "{\"title\":\"Too Many Requests\"}").withHeader("x-rate-limit-reset", "1790000000"));
        assertThat(postOnX()).startsWith("rate_limited: ").contains("1790000000");
        platforms.xAnswers(json(400, "{\"errors\":[{\"message\":\"text is too long\"}]}"));
        assertThat(postOnX()).startsWith("platform_rejected: ").contains("text is too long");
        platforms.linkedInAnswers(json(422, "{\"message\":\"Content is a duplicate\",\"status\":422}"));
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.linkedInPost("again"));
        assertThat(connectors.handler.handle(Commands.record(command)).result().orElseThrow().detail())
                .startsWith("platform_rejected: ").contains("Content is a duplicate");
    }

    @Test
    void anExpiredTokenOrAMissingAuthorSendsNothing() {
        platforms.vaultHasPlatformCredential(linkedInRef, Commands.CUSTOMER_ID, "linkedin", AUTHOR, linkedInToken,
                Instant.now().minusSeconds(60));
        ExecutionCommand expired = Commands.signed(instance, "publish", Commands.linkedInPost("late"));
        assertThat(connectors.handler.handle(Commands.record(expired)).result().orElseThrow().detail())
                .startsWith("credential_expired: ");

        platforms.vaultHasPlatformCredential(linkedInRef, Commands.CUSTOMER_ID, "linkedin", "Our Clinic Page",
                linkedInToken, null);
        ExecutionCommand noAuthor = Commands.signed(instance, "publish", Commands.linkedInPost("who?"));
        assertThat(connectors.handler.handle(Commands.record(noAuthor)).result().orElseThrow().detail())
                .startsWith("linkedin_author_missing: ");

        assertThat(platforms.linkedInPosts()).isEmpty();
    }

    @Test
    void anUnreachablePlatformIsRetriedAndItsClaimGivenBackSoTheRetryPostsOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Connectors cutOff = Connectors.liveWithXAt(URI.create("http://127.0.0.1:" + closedPort));
        cutOff.instances.put(connectors.instances.find(instance).orElseThrow());
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("after a blip"));

        assertThatThrownBy(() -> cutOff.handler.handle(Commands.record(command)))
                .isInstanceOfSatisfying(RetryLater.class, e -> assertThat(e.nothingSent()).isTrue());
        assertThat(connectors.actions.find(command.idempotencyKey())).as("the claim was given back").isEmpty();

        platforms.xAccepts("1850000000000000003");
        assertThat(connectors.handler.handle(Commands.record(command)).result().orElseThrow().status())
                .isEqualTo(Status.EXECUTED);
        assertThat(platforms.xPosts()).hasSize(1);
    }

    @Test
    void outcomesCarryTheirCodeFirst() {
        assertThat(Outcome.failed("x", "y").detail()).isEqualTo("x: y");
    }

    private String postOnX() {
        ExecutionCommand command = Commands.signed(instance, "publish", Commands.xPost("post " + UUID.randomUUID()));
        ExecutionResult result = connectors.handler.handle(Commands.record(command)).result().orElseThrow();
        assertThat(result.status()).isEqualTo(Status.FAILED);
        return result.detail();
    }
}
