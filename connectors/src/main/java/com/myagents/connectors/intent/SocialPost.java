package com.myagents.connectors.intent;

/**
 * A post as approved: {@code text} already carries its hashtags (the draft fitted them in).
 * {@code postingIdentity} is the draft's, used only when the credential names none.
 */
public record SocialPost(Target platform, String text, String postingIdentity) implements Intent {

    @Override
    public Target target() {
        return platform;
    }
}
