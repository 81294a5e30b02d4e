package com.myagents.connectors.social;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn's "little" text format for a post's commentary: the characters it reserves for mentions
 * and templates are backslash-escaped, or LinkedIn silently cuts the post at the first of them.
 * Hashtags ({@code #word}) and URLs pass unchanged, so they stay a hashtag and a link.
 */
public final class LittleText {

    private static final Pattern KEPT = Pattern.compile("#[\\p{L}\\p{N}_]+|https?://\\S+");
    private static final String RESERVED = "\\|{}@[]()<>#*_~";

    private LittleText() {
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        Matcher kept = KEPT.matcher(text);
        int at = 0;
        while (kept.find()) {
            escapePlain(text.substring(at, kept.start()), escaped);
            escaped.append(kept.group());
            at = kept.end();
        }
        escapePlain(text.substring(at), escaped);
        return escaped.toString();
    }

    private static void escapePlain(String plain, StringBuilder into) {
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                into.append('\\');
            }
            into.append(c);
        }
    }
}
