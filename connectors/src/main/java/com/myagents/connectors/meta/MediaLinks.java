package com.myagents.connectors.meta;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.myagents.contracts.publishing.MediaUrls;

/**
 * Mints the short-lived signed address a platform fetches an attached image from (cp-backend
 * serves it and checks the signature). Without a signing key no address can be made: a post that
 * needs its image then fails before anything is sent.
 */
public final class MediaLinks {

    public static final String MEDIA_UNAVAILABLE = "media_unavailable";

    private final MediaUrls urls;
    private final URI publicBase;
    private final Duration ttl;
    private final Clock clock;

    /** @param signingKey base64 of the key shared with cp-backend; blank when none is configured */
    public MediaLinks(String signingKey, URI publicBase, Duration ttl, Clock clock) {
        this.urls = signingKey == null || signingKey.isBlank() ? null : MediaUrls.fromBase64(signingKey);
        this.publicBase = publicBase;
        this.ttl = ttl;
        this.clock = clock;
    }

    public boolean configured() {
        return urls != null;
    }

    /** The signed address of one image, valid for the configured time from now. */
    public URI signed(String customerId, String mediaId) {
        if (urls == null) {
            throw new IllegalStateException("no media URL signing key (myagents.connectors.media.signing-key)");
        }
        return urls.sign(publicBase, customerId, mediaId, clock.instant().plus(ttl));
    }

    /** What a dry run shows instead of the address: it is minted only at send time. */
    public String described(String mediaId) {
        return "<short-lived signed URL of media " + mediaId + " at " + publicBase + ", valid " + ttl.toMinutes()
                + " min, minted at send time>";
    }
}
