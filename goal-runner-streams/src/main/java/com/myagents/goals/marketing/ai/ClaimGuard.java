package com.myagents.goals.marketing.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.myagents.goals.marketing.CanonicalPost;

/**
 * The healthcare guard, run on what a model wrote: the first of the definition's banned claims
 * (matched case-insensitively, as whole words where the claim starts or ends with a letter) found
 * in the post's text or any of its platform variants.
 */
final class ClaimGuard {

    private ClaimGuard() {
    }

    static Optional<String> firstClaim(CanonicalPost post, List<String> bannedClaims) {
        List<String> texts = new ArrayList<>();
        texts.add(post.text());
        texts.addAll(post.variants().values());
        for (String claim : bannedClaims) {
            String needle = claim.toLowerCase(Locale.ROOT);
            for (String text : texts) {
                if (contains(text.toLowerCase(Locale.ROOT), needle)) {
                    return Optional.of(claim);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String text, String claim) {
        int from = 0;
        while (true) {
            int at = text.indexOf(claim, from);
            if (at < 0) {
                return false;
            }
            int end = at + claim.length();
            boolean startOk = at == 0 || !Character.isLetter(claim.charAt(0)) || !Character.isLetter(text.charAt(at - 1));
            boolean endOk = end == text.length() || !Character.isLetter(claim.charAt(claim.length() - 1))
                    || !Character.isLetter(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }
}
