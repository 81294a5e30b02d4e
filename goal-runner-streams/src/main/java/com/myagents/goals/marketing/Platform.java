package com.myagents.goals.marketing;

import com.myagents.contracts.NamedCode;

/**
 * The platforms a marketing agent drafts for, each with its post length limit. X counts text the
 * way twitter-text does (most scripts, Devanagari included, count 1 per character; other
 * characters such as emoji and the ellipsis count 2); the others count Unicode code points.
 */
public enum Platform implements NamedCode {
    X(280),
    LINKEDIN(3000),
    INSTAGRAM(2200),
    FACEBOOK(63206),
    /** A YouTube community post. */
    YOUTUBE(5000),
    WHATSAPP(1024);

    private final int limit;

    Platform(int limit) {
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** The platform with this wire code, or {@code null} for an unknown or missing one. */
    public static Platform fromCode(String code) {
        return NamedCode.fromCode(Platform.class, code);
    }

    /** The length of a text as this platform counts it against {@link #limit()}. */
    public int length(String text) {
        if (this != X) {
            return text.codePointCount(0, text.length());
        }
        return text.codePoints().map(Platform::xWeight).sum();
    }

    /** twitter-text v3: weight 1 for these ranges, 2 for everything else. */
    private static int xWeight(int codePoint) {
        boolean light = codePoint <= 0x10FF
                || codePoint >= 0x2000 && codePoint <= 0x200D
                || codePoint >= 0x2010 && codePoint <= 0x201F
                || codePoint >= 0x2032 && codePoint <= 0x2037;
        return light ? 1 : 2;
    }
}
