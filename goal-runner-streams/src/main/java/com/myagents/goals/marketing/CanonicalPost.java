package com.myagents.goals.marketing;

import java.util.List;

/**
 * A platform-neutral post as a {@link ContentGenerator} writes it: the message and its suggested
 * hashtags (each {@code #Word}). Fitting it to a platform's limit and the customer's hashtag
 * rules happens afterwards, the same way for every generator.
 */
public record CanonicalPost(String language, String text, List<String> hashtags) {

    public CanonicalPost {
        hashtags = List.copyOf(hashtags);
    }
}
