package com.myagents.connectors.intent;

/**
 * A post as approved: {@code text} already carries its hashtags (the draft fitted them in).
 * {@code postingIdentity} is the draft's, used only when the credential names none.
 * {@code mediaId} is the customer's media-library image attached to the post, or {@code null}.
 */
public record SocialPost(Target platform, String text, String postingIdentity, String mediaId) implements Intent {

    public SocialPost(Target platform, String text, String postingIdentity) {
        this(platform, text, postingIdentity, null);
    }

    @Override
    public Target target() {
        return platform;
    }
}
