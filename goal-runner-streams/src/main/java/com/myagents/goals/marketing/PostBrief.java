package com.myagents.goals.marketing;

import java.util.List;

/**
 * What one post should say: who for (brand, offerings, location), about what (topic, or the
 * campaign theme), in which language and tone, and for which kind of goal. {@code sequence}
 * picks among phrasings so consecutive posts differ, deterministically.
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
        int sequence) {

    public PostBrief {
        offerings = List.copyOf(offerings);
    }

    public enum Purpose {
        WEEKLY_POST, DAILY_TIP, CAMPAIGN_POST
    }
}
