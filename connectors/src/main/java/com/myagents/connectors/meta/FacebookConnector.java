package com.myagents.connectors.meta;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.connector.DryRunPlan;
import com.myagents.connectors.http.Json;
import com.myagents.connectors.http.OutgoingRequest;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.intent.SocialPost;
import com.myagents.connectors.intent.Target;
import com.myagents.connectors.vault.PlatformCredential;
import com.myagents.contracts.execution.ExecutionCommand;

/**
 * A Facebook Page post through the Graph API with the Page access token: {@code POST /{page-id}/feed}
 * {@code {"message"}}, or, with an attached image, {@code POST /{page-id}/photos} {@code {"url","caption"}}
 * where the URL is a short-lived signed address Facebook fetches the image from. The post id comes
 * back in {@code id} ({@code post_id} for a photo).
 */
public class FacebookConnector extends GraphPostConnector {

    static final String PAGE_SHOWN = "PAGE_ID";

    public FacebookConnector(GraphApi graph, MediaLinks media, Transport transport, Clock clock) {
        super(Target.FACEBOOK, "Facebook Page token", graph, media, transport, clock);
    }

    @Override
    protected DryRunPlan plan(SocialPost post) {
        String page = GraphApi.isAccount(post.postingIdentity()) ? post.postingIdentity() : PAGE_SHOWN;
        String image = post.mediaId() == null ? null : media.described(post.mediaId());
        return new DryRunPlan(List.of(request(post, page, image, GraphApi.TOKEN_SHOWN)), List.of(
                "PAGE_ID is the page id the Facebook credential posts as (its posting identity), resolved at send time"));
    }

    @Override
    protected Outcome publish(SocialPost post, ExecutionCommand command, PlatformCredential token) {
        String page = GraphApi.account(token, post);
        if (page == null) {
            return Outcome.failed(GraphApi.ACCOUNT_MISSING, "Facebook needs the numeric id of the Page to post to;"
                    + " neither the credential nor the post names one. Nothing was sent");
        }
        String image = null;
        if (post.mediaId() != null) {
            Outcome noImage = imageUnavailable();
            if (noImage != null) {
                return noImage;
            }
            image = media.signed(command.customerId(), post.mediaId()).toString();
        }
        return send(request(post, page, image, "Bearer " + token.accessToken()), response -> {
            String id = Json.text(response.json(), "post_id");
            if (id == null) {
                id = Json.text(response.json(), "id");
            }
            return Outcome.executed(id, 0, "published on the Facebook Page " + page + ": post " + id);
        });
    }

    private OutgoingRequest request(SocialPost post, String page, String imageUrl, String authorization) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (imageUrl == null) {
            body.put("message", post.text());
            return graph.post(graph.edge(page, "feed"), body, authorization);
        }
        body.put("url", imageUrl);
        body.put("caption", post.text());
        return graph.post(graph.edge(page, "photos"), body, authorization);
    }
}
