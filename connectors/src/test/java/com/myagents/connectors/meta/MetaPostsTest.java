package com.myagents.connectors.meta;

import static com.myagents.connectors.support.StubPlatforms.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.support.Commands;
import com.myagents.connectors.support.Connectors;
import com.myagents.connectors.support.StubPlatforms;
import com.myagents.contracts.execution.ExecutionCommand;
import com.myagents.contracts.execution.ExecutionResult;
import com.myagents.contracts.execution.ExecutionResult.Status;
import com.myagents.contracts.publishing.MediaUrls;

import tools.jackson.databind.JsonNode;

/** Facebook Page posts and Instagram's two-step publishing against a stand-in Graph API. */
class MetaPostsTest {

    static final String PAGE = "104857600123";
    static final String IG_ACCOUNT = "17841400008460056";
    static final String V = StubPlatforms.GRAPH_VERSION;

    final Connectors connectors = Connectors.live();
    final StubPlatforms platforms = connectors.platforms;
    final String instance = UUID.randomUUID().toString();
    final String mediaId = UUID.randomUUID().toString();

    @BeforeEach
    void givenAMarketingInstanceConnectedToFacebookAndInstagram() {
        String facebookRef = "cref_fb_" + UUID.randomUUID().toString().substring(0, 8);
        String instagramRef = "cref_ig_" + UUID.randomUUID().toString().substring(0, 8);
        connectors.marketingInstance(instance, Map.of("facebook", facebookRef, "instagram", instagramRef));
        platforms.vaultHasPlatformCredential(facebookRef, Commands.CUSTOMER_ID, "facebook", PAGE, "page-token-1",
                Instant.now().plus(Duration.ofDays(60)));
        platforms.vaultHasPlatformCredential(instagramRef, Commands.CUSTOMER_ID, "instagram", IG_ACCOUNT, "ig-token-1",
                Instant.now().plus(Duration.ofDays(60)));
    }

    @Test
    void publishesAPagePostOnFacebookWithThePageToken() {
        platforms.facebookAccepts(PAGE, PAGE + "_9001");

        ExecutionResult result = handle(Commands.signed(instance, "publish",
                Commands.post("facebook", "Flu shots at 9 am #health", null)));

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        assertThat(result.externalId()).isEqualTo(PAGE + "_9001");
        LoggedRequest sent = platforms.facebookPosts(PAGE).get(0);
        assertThat(sent.getUrl()).isEqualTo("/" + V + "/" + PAGE + "/feed");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer page-token-1");
        assertThat(Json.readTree(sent.getBodyAsString()).get("message").asString()).isEqualTo("Flu shots at 9 am #health");
        assertThat(platforms.vaultCallers()).extracting(p -> p.id()).contains("connector-facebook");
    }

    @Test
    void anExpiredPageTokenIsReportedInWordsAndNothingIsPosted() {
        platforms.facebookAnswers(PAGE, json(400, "{\"error\":{\"message\":\"Error validating access token: Session has"
                + " expired\",\"type\":\"OAuthException\",\"code\":190}}"));

        ExecutionResult result = handle(Commands.signed(instance, "publish", Commands.post("facebook", "Hello", null)));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("platform_unauthorized: ").contains("reconnect Facebook");
    }

    @Test
    void publishesOnInstagramInTwoStepsAndInstagramFetchesTheImageFromTheSignedUrl() {
        platforms.cpServesImage(Commands.CUSTOMER_ID, mediaId, StubPlatforms.JPEG);
        platforms.instagramAccepts(IG_ACCOUNT, "container-77", "media-1789");

        ExecutionResult result = handle(Commands.signed(instance, "publish",
                Commands.post("instagram", "Healthy smiles #dental", mediaId)));

        assertThat(result.status()).isEqualTo(Status.EXECUTED);
        assertThat(result.externalId()).isEqualTo("media-1789");
        var calls = platforms.instagramCalls(IG_ACCOUNT);
        assertThat(calls).extracting(LoggedRequest::getUrl)
                .containsExactly("/" + V + "/" + IG_ACCOUNT + "/media", "/" + V + "/" + IG_ACCOUNT + "/media_publish");
        JsonNode container = Json.readTree(calls.get(0).getBodyAsString());
        assertThat(container.get("caption").asString()).isEqualTo("Healthy smiles #dental");
        assertThat(container.get("image_url").asString())
                .startsWith(platforms.uri() + MediaUrls.PATH_PREFIX + mediaId + "?customer=");
        assertThat(platforms.instagramFetched()).containsExactly(container.get("image_url").asString() + " -> 200");
        assertThat(Json.readTree(calls.get(1).getBodyAsString()).get("creation_id").asString()).isEqualTo("container-77");
    }

    @Test
    void anImageInstagramCannotFetchMakesNoContainerAndPublishesNothing() {
        // cp-backend serves a different image only: the signed URL of this one gets 403
        platforms.cpServesImage(Commands.CUSTOMER_ID, UUID.randomUUID().toString(), StubPlatforms.JPEG);
        platforms.instagramAccepts(IG_ACCOUNT, "container-78", "media-1790");

        ExecutionResult result = handle(Commands.signed(instance, "publish",
                Commands.post("instagram", "Healthy smiles", mediaId)));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("platform_rejected: ").contains("could not be fetched");
        assertThat(platforms.instagramFetched()).singleElement().asString().endsWith(" -> 403");
        assertThat(platforms.instagramCalls(IG_ACCOUNT)).extracting(LoggedRequest::getUrl)
                .doesNotContain("/" + V + "/" + IG_ACCOUNT + "/media_publish");
    }

    @Test
    void anInstagramPostWithoutAnImageFailsBeforeAnythingIsSent() {
        platforms.instagramAccepts(IG_ACCOUNT, "container-79", "media-1791");

        ExecutionResult result = handle(Commands.signed(instance, "publish", Commands.post("instagram", "No picture", null)));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.detail()).startsWith("image_required: ").contains("publish it by hand");
        assertThat(platforms.instagramCalls(IG_ACCOUNT)).isEmpty();
    }

    @Test
    void aDryRunDescribesBothInstagramStepsWithoutMintingAnImageUrlOrResolvingTheToken() {
        Connectors dry = Connectors.dryRun();

        ExecutionResult result = dry.handler.handle(Commands.record(Commands.signed(instance, "publish",
                Commands.post("instagram", "Healthy smiles", mediaId)))).result().orElseThrow();

        assertThat(result.status()).isEqualTo(Status.DRY_RUN);
        JsonNode detail = Json.readTree(result.detail());
        assertThat(detail.get("requests")).hasSize(2);
        assertThat(detail.get("requests").get(0).get("body").get("image_url").asString())
                .contains("signed URL of media " + mediaId).contains("minted at send time");
        assertThat(detail.get("requests").get(1).get("url").asString()).endsWith("/media_publish");
        assertThat(dry.platforms.allRequests()).isEmpty();
    }

    private ExecutionResult handle(ExecutionCommand command) {
        return connectors.handler.handle(Commands.record(command)).result().orElseThrow();
    }
}
