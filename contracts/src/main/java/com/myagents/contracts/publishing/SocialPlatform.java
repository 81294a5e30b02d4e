package com.myagents.contracts.publishing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.myagents.contracts.NamedCode;

/**
 * The social platforms a marketing definition may offer, and how a post reaches each: a connector
 * (Plant calls the platform's API with the customer's connected credential) or, always possible,
 * manual publishing (the customer copies the approved post into the platform's composer and marks
 * it posted). PP's guardrails read this to refuse a definition that offers a platform nobody can
 * publish to; CP reads {@link #composerUrl} for the deep link.
 */
public enum SocialPlatform implements NamedCode {
    X("X", true, false, "https://x.com/intent/post?text="),
    LINKEDIN("LinkedIn", true, false, "https://www.linkedin.com/feed/?shareActive=true&text="),
    FACEBOOK("Facebook", true, false, "https://www.facebook.com/"),
    /** Instagram posts need an image; without one the post is published by hand. */
    INSTAGRAM("Instagram", true, true, "https://www.instagram.com/"),
    YOUTUBE("YouTube", false, false, "https://www.youtube.com/"),
    WHATSAPP("WhatsApp", false, false, "https://wa.me/?text=");

    private final String label;
    private final boolean connector;
    private final boolean imageRequired;
    private final String composer;

    SocialPlatform(String label, boolean connector, boolean imageRequired, String composer) {
        this.label = label;
        this.connector = connector;
        this.imageRequired = imageRequired;
        this.composer = composer;
    }

    public String label() {
        return label;
    }

    /** True when a connector publishes here; false when only manual publishing can. */
    public boolean hasConnector() {
        return connector;
    }

    /** True when the platform's API takes no post without an image. */
    public boolean imageRequired() {
        return imageRequired;
    }

    /** Where the customer writes a post on the platform, with the text filled in where the platform allows it. */
    public String composerUrl(String text) {
        return composer.endsWith("=") ? composer + URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8)
                : composer;
    }

    /** The platform with this wire code, or {@code null}. */
    public static SocialPlatform fromCode(String code) {
        return NamedCode.fromCode(SocialPlatform.class, code);
    }

    /** How a definition may publish to a platform ({@code enforcement_defaults.publishing}). */
    public enum Method implements NamedCode {
        CONNECTOR, MANUAL;

        public static Method fromCode(String code) {
            return NamedCode.fromCode(Method.class, code);
        }
    }
}
