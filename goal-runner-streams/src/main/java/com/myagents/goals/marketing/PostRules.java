package com.myagents.goals.marketing;

import java.util.List;

import com.myagents.goals.runs.Fields;

/**
 * The customer's limits on every post: an optional maximum length (the configuration's
 * {@code constraints.max_length}, tightened by a goal's own {@code max_length}), and hashtag rules
 * ({@code constraints.hashtags}: {@code max_count}, {@code required}, {@code banned}).
 */
public record PostRules(Integer maxLength, int maxHashtags, List<String> requiredHashtags, List<String> bannedHashtags) {

    public static final int DEFAULT_MAX_HASHTAGS = 3;

    public PostRules {
        requiredHashtags = List.copyOf(requiredHashtags);
        bannedHashtags = List.copyOf(bannedHashtags);
    }

    /**
     * @param constraints the instance configuration's {@code constraints} object
     * @param goalMaxLength a goal setting's own limit, or {@code null}
     */
    public static PostRules of(Fields constraints, Integer goalMaxLength) {
        Integer configured = constraints.has("max_length") ? constraints.integer("max_length", Integer.MAX_VALUE) : null;
        Integer maxLength = configured == null ? goalMaxLength
                : goalMaxLength == null ? configured : Integer.valueOf(Math.min(configured, goalMaxLength));
        Fields hashtags = constraints.object("hashtags");
        return new PostRules(maxLength, Math.max(0, hashtags.integer("max_count", DEFAULT_MAX_HASHTAGS)),
                hashtags.texts("required"), hashtags.texts("banned"));
    }

    /** The limit a post on this platform must respect: the platform's, or the customer's if smaller. */
    public int limitOn(Platform platform) {
        return maxLength == null || maxLength <= 0 ? platform.limit() : Math.min(platform.limit(), maxLength);
    }

    public boolean banned(String hashtag) {
        return bannedHashtags.stream().anyMatch(b -> b.equalsIgnoreCase(hashtag));
    }

    public boolean required(String hashtag) {
        return requiredHashtags.stream().anyMatch(r -> r.equalsIgnoreCase(hashtag));
    }
}
