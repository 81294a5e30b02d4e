package com.myagents.connectors.meta;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.connector.DryRunPlan;
import com.myagents.connectors.connector.RetryLater;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.NoAnswer;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.http.Unreachable;
import com.myagents.connectors.intent.SocialPost;
import com.myagents.connectors.intent.Target;
import com.myagents.connectors.vault.PlatformCredential;
import com.myagents.contracts.execution.ExecutionCommand;

/**
 * An Instagram post through the Graph API, in Meta's two steps: create a media container from the
 * image's URL and the caption ({@code POST /{ig-user-id}/media}; Instagram fetches the image from the
 * short-lived signed URL), then publish it ({@code POST /{ig-user-id}/media_publish} with
 * {@code creation_id}). A container is not a post, so a failure in step one published nothing and
 * may be retried; only step two can leave the outcome unknown. Instagram takes no post without an
 * image: such a post fails with {@code image_required} before anything is sent (CP offers manual
 * publishing for it instead).
 */
public class InstagramConnector extends GraphPostConnector {

    public static final String IMAGE_REQUIRED = "image_required";
    static final String ACCOUNT_SHOWN = "IG_USER_ID";
    static final String CONTAINER_SHOWN = "<id of the media container step 1 returns>";

    public InstagramConnector(GraphApi graph, MediaLinks media, Transport transport, Clock clock) {
        super(Target.INSTAGRAM, "Instagram token", graph, media, transport, clock);
    }

    @Override
    protected DryRunPlan plan(SocialPost post) {
        String account = GraphApi.isAccount(post.postingIdentity()) ? post.postingIdentity() : ACCOUNT_SHOWN;
        String image = post.mediaId() == null ? "<no image attached: a live run fails with image_required>"
                : media.described(post.mediaId());
        return new DryRunPlan(List.of(container(post, account, image, GraphApi.TOKEN_SHOWN),
                mediaPublish(account, CONTAINER_SHOWN, GraphApi.TOKEN_SHOWN)), List.of(
                "Instagram fetches the image from the signed URL when the container is created",
                "IG_USER_ID is the Instagram account id the credential posts as (its posting identity), resolved at send time"));
    }

    @Override
    protected Outcome unfit(SocialPost post) {
        return post.mediaId() != null ? null : Outcome.failed(IMAGE_REQUIRED, "Instagram takes no post without an"
                + " image: attach one from your media library, or publish it by hand. Nothing was sent");
    }

    @Override
    protected Outcome publish(SocialPost post, ExecutionCommand command, PlatformCredential token) {
        String account = GraphApi.account(token, post);
        if (account == null) {
            return Outcome.failed(GraphApi.ACCOUNT_MISSING, "Instagram needs the numeric id of the Instagram"
                    + " professional account to post as; neither the credential nor the post names one. Nothing was sent");
        }
        Outcome noImage = imageUnavailable();
        if (noImage != null) {
            return noImage;
        }
        String authorization = "Bearer " + token.accessToken();
        String image = media.signed(command.customerId(), post.mediaId()).toString();
        PlatformResponse created = createContainer(container(post, account, image, authorization));
        if (!created.successful()) {
            return refused(created);
        }
        String containerId = Json.text(created.json(), "id");
        if (containerId == null) {
            return Outcome.failed("platform_rejected", "Instagram created no media container (" + created.excerpt()
                    + "). Nothing was published");
        }
        return send(mediaPublish(account, containerId, authorization), published -> {
            String id = Json.text(published.json(), "id");
            return Outcome.executed(id, 0, "published on Instagram as account " + account + ": media " + id
                    + " (container " + containerId + ")");
        });
    }

    /** Step one publishes nothing: whatever goes wrong with it, it is safe to try again. */
    private PlatformResponse createContainer(OutgoingRequest request) {
        try {
            PlatformResponse response = transport().send(request);
            if (response.serverError()) {
                throw new RetryLater("Instagram answered HTTP " + response.status() + " creating the media container;"
                        + " nothing was published", true, null);
            }
            return response;
        } catch (Unreachable | NoAnswer e) {
            throw new RetryLater("Instagram did not answer creating the media container; nothing was published: "
                    + e.getMessage(), true, e);
        }
    }

    private OutgoingRequest container(SocialPost post, String account, String imageUrl, String authorization) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("image_url", imageUrl);
        body.put("caption", post.text());
        return graph.post(graph.edge(account, "media"), body, authorization);
    }

    private OutgoingRequest mediaPublish(String account, String containerId, String authorization) {
        return graph.post(graph.edge(account, "media_publish"), Map.of("creation_id", containerId), authorization);
    }
}
