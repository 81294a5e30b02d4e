package com.myagents.goals.marketing;

import java.util.ArrayList;
import java.util.List;

import com.myagents.goals.runs.Fields;
import com.myagents.goals.runs.GoalRun;

/**
 * What every marketing draft of one run draws on, read from the instance's configuration and the
 * goal's settings: language, brand, offerings, location, the platforms to draft for (the goal's
 * {@code platforms} within the enabled ones; all enabled ones when the goal names none).
 */
record MarketingProfile(String language, String brandName, List<String> offerings, String location,
        String postingIdentity, List<Platform> platforms, Fields constraints, List<String> bannedClaims) {

    static MarketingProfile of(GoalRun run) {
        Fields config = run.config();
        List<String> enabled = config.texts("platforms_enabled");
        List<String> chosen = run.settings().texts("platforms");
        List<Platform> platforms = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            boolean isEnabled = enabled.contains(platform.code());
            if (isEnabled && (chosen.isEmpty() || chosen.contains(platform.code()))) {
                platforms.add(platform);
            }
        }
        return new MarketingProfile(
                config.text("primary_language", "en"),
                config.text("brand_name", run.agent().nickname() == null ? "Our clinic" : run.agent().nickname()),
                config.texts("offerings"),
                config.text("location", ""),
                config.text("posting_identity", null),
                List.copyOf(platforms),
                config.object("constraints"),
                run.agent().bannedClaims());
    }

    PostBrief brief(PostBrief.Purpose purpose, String topic, String tone, String theme, boolean callToAction,
            int sequence) {
        return new PostBrief(purpose, language, brandName, offerings, location, topic, tone, theme, callToAction,
                sequence, platforms.stream().map(Platform::code).toList(), bannedClaims);
    }

    /** The topics to rotate through: the goal's, else the offerings, else a general one. */
    List<String> topicsOr(List<String> goalTopics) {
        if (!goalTopics.isEmpty()) {
            return goalTopics;
        }
        return offerings.isEmpty() ? List.of("preventive care") : offerings;
    }
}
