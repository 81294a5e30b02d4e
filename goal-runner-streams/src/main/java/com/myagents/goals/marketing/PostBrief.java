package com.myagents.goals.marketing;

import java.util.List;

/**
 * What one post should say: who for (brand, offerings, location), about what (topic, or the
 * campaign theme), in which language and tone, and for which kind of goal. {@code sequence}
 * picks among phrasings so consecutive posts differ, deterministically. {@code platforms} are the
 * platform codes the post will be fitted to (a generator may write a variant for each);
 * {@code bannedClaims} are the definition's healthcare guard: claims no post may make.
 */
public record PostBrief(
        Purpose purpose,
        String language,
        String brandName,
        List<String> offerings,
        String location,
        String topic,
        String tone,
        String campaignTheme,
        boolean callToAction,
        int sequence,
        List<String> platforms,
        List<String> bannedClaims) {

    public PostBrief {
        offerings = List.copyOf(offerings);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        bannedClaims = bannedClaims == null ? List.of() : List.copyOf(bannedClaims);
    }

    public PostBrief(Purpose purpose, String language, String brandName, List<String> offerings, String location,
            String topic, String tone, String campaignTheme, boolean callToAction, int sequence) {
        this(purpose, language, brandName, offerings, location, topic, tone, campaignTheme, callToAction, sequence,
                List.of(), List.of());
    }

    public enum Purpose {
        WEEKLY_POST, DAILY_TIP, CAMPAIGN_POST
    }
}
