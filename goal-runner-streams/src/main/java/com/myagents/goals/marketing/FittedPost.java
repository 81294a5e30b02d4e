package com.myagents.goals.marketing;

import java.util.List;

/** A post as it would go out on one platform, with the length that platform counts and its limit. */
public record FittedPost(Platform platform, String text, List<String> hashtags, int length, int limit,
        boolean shortened) {

    public FittedPost {
        hashtags = List.copyOf(hashtags);
    }
}
