package com.myagents.connectors.meta;

import java.time.Clock;

import com.myagents.connectors.actions.Outcome;
import com.myagents.connectors.http.PlatformResponse;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.intent.Target;
import com.myagents.connectors.social.SocialPostConnector;

/** What a Facebook Page post and an Instagram post share: Meta's Graph API, signed image links, Graph's refusals. */
abstract class GraphPostConnector extends SocialPostConnector {

    final GraphApi graph;
    final MediaLinks media;

    GraphPostConnector(Target target, String tokenName, GraphApi graph, MediaLinks media, Transport transport,
            Clock clock) {
        super(target, tokenName, transport, clock);
        this.graph = graph;
        this.media = media;
    }

    /** Why the post's image cannot be handed to the platform (no signing key for its link); null when it can. */
    final Outcome imageUnavailable() {
        return media.configured() ? null : Outcome.failed(MediaLinks.MEDIA_UNAVAILABLE, "the post's image cannot be"
                + " handed to " + platform() + ": no media URL signing key is configured. Nothing was sent");
    }

    @Override
    protected final Outcome refused(PlatformResponse response) {
        return GraphApi.refused(platform(), response);
    }
}
