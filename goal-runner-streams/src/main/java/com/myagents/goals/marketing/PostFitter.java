package com.myagents.goals.marketing;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a canonical post to one platform: applies the hashtag rules (required ones always, banned
 * ones never, at most {@code max_count} in all unless more are required), then shortens the
 * message at a word boundary so that message plus hashtags stay within the platform's limit and
 * the customer's maximum length.
 */
public final class PostFitter {

    static final String ELLIPSIS = "…";
    private static final String TAG_SEPARATOR = "\n\n";
    /** Below this many characters for the message, optional hashtags give way to the message. */
    private static final int MIN_MESSAGE = 40;

    private PostFitter() {
    }

    public static FittedPost fit(Platform platform, CanonicalPost post, PostRules rules) {
        int limit = rules.limitOn(platform);
        List<String> tags = hashtags(post, rules);
        while (true) {
            String tagLine = String.join(" ", tags);
            String separator = tags.isEmpty() ? "" : TAG_SEPARATOR;
            int budget = limit - platform.length(separator + tagLine);
            int optional = lastOptional(tags, rules);
            if (budget < Math.min(MIN_MESSAGE, limit / 2) && optional >= 0) {
                tags.remove(optional);
                continue;
            }
            String message = shorten(platform, post.textFor(platform), Math.max(0, budget));
            String text = message.isEmpty() ? tagLine : message + separator + tagLine;
            if (platform.length(text) > limit) {
                // only required hashtags longer than the limit get here: cut hard rather than exceed it
                text = prefixWithin(platform, text, limit);
            }
            return new FittedPost(platform, text, tags, platform.length(text), limit,
                    !message.equals(post.textFor(platform)));
        }
    }

    /**
     * The longest start of {@code text} within {@code budget}, cut at a word boundary and marked
     * with an ellipsis when it is cut.
     */
    static String shorten(Platform platform, String text, int budget) {
        if (platform.length(text) <= budget) {
            return text;
        }
        int room = budget - platform.length(ELLIPSIS);
        if (room <= 0) {
            return "";
        }
        String prefix = prefixWithin(platform, text, room);
        boolean atBoundary = Character.isWhitespace(text.charAt(prefix.length()));
        int space = lastWhitespace(prefix);
        String cut = atBoundary || space <= 0 ? prefix : prefix.substring(0, space);
        cut = stripTrailing(cut);
        return cut.isEmpty() ? "" : cut + ELLIPSIS;
    }

    private static List<String> hashtags(CanonicalPost post, PostRules rules) {
        List<String> tags = new ArrayList<>();
        for (String tag : rules.requiredHashtags()) {
            addOnce(tags, tag);
        }
        int room = Math.max(rules.maxHashtags(), tags.size());
        for (String tag : post.hashtags()) {
            if (tags.size() >= room) {
                break;
            }
            if (!rules.banned(tag)) {
                addOnce(tags, tag);
            }
        }
        return tags;
    }

    private static void addOnce(List<String> tags, String tag) {
        if (tags.stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
            tags.add(tag);
        }
    }

    private static int lastOptional(List<String> tags, PostRules rules) {
        for (int i = tags.size() - 1; i >= 0; i--) {
            if (!rules.required(tags.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String prefixWithin(Platform platform, String text, int budget) {
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int next = end + Character.charCount(codePoint);
            int weight = platform.length(text.substring(end, next));
            if (used + weight > budget) {
                break;
            }
            used += weight;
            end = next;
        }
        return text.substring(0, end);
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ",;:-–—".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end);
    }
}
