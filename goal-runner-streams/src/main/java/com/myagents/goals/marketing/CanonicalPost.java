package com.myagents.goals.marketing;

import java.util.List;
import java.util.Map;

/**
 * A platform-neutral post as a {@link ContentGenerator} writes it: the message and its suggested
 * hashtags (each {@code #Word}), optionally a variant of the message per platform code. Fitting it
 * to a platform's limit and the customer's hashtag rules happens afterwards, the same way for
 * every generator. {@code generator} names who wrote it ({@code template}, or {@code ai:<model>});
 * {@code note} says what the customer should know about it (a fallback, a flagged claim), or is
 * {@code null}; {@code usage} is what generating it cost.
 */
public record CanonicalPost(String language, String text, List<String> hashtags, Map<String, String> variants,
        String generator, String note, Usage usage) {

    public static final String TEMPLATE = "template";

    public CanonicalPost {
        hashtags = List.copyOf(hashtags);
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        usage = usage == null ? Usage.NONE : usage;
    }

    /** A template-written post: no variants, nothing spent. */
    public CanonicalPost(String language, String text, List<String> hashtags) {
        this(language, text, hashtags, Map.of(), TEMPLATE, null, Usage.NONE);
    }

    /** The message for one platform: its variant when the generator wrote one, else the canonical text. */
    public String textFor(Platform platform) {
        String variant = variants.get(platform.code());
        return variant == null || variant.isBlank() ? text : variant;
    }

    public CanonicalPost withNote(String newNote) {
        return new CanonicalPost(language, text, hashtags, variants, generator, newNote, usage);
    }

    public CanonicalPost plusUsage(Usage spent) {
        return new CanonicalPost(language, text, hashtags, variants, generator, note, usage.plus(spent));
    }

    /** Tokens a model used and what they cost, in minor units. */
    public record Usage(long promptTokens, long completionTokens, long costMinor) {

        public static final Usage NONE = new Usage(0, 0, 0);

        public Usage plus(Usage other) {
            return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                    costMinor + other.costMinor);
        }
    }
}
