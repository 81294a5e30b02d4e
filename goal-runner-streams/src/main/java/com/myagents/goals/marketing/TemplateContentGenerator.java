package com.myagents.goals.marketing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.myagents.contracts.drafting.DraftingGenerator;

/**
 * The default content generator: composes posts from the {@link Phrasebook} of the instance's
 * language (English and Hindi; other languages fall back to English). Deterministic: the same
 * brief always gives the same post, and it costs nothing, so it needs no metering.
 */
public final class TemplateContentGenerator implements ContentGenerator {

    /** The languages with a phrasebook; others would be written in English, so they are not offered. */
    public static final Set<String> LANGUAGES = Set.copyOf(DraftingGenerator.TEMPLATE.languages());

    @Override
    public Set<String> languages() {
        return LANGUAGES;
    }

    @Override
    public CanonicalPost write(PostBrief brief) {
        Phrasebook phrases = Phrasebook.forLanguage(brief.language());
        String offering = brief.offerings().isEmpty() ? ""
                : brief.offerings().get(Math.floorMod(brief.sequence(), brief.offerings().size()));
        List<String> sentences = new ArrayList<>();
        sentences.add(phrases.opening(brief.tone()));
        sentences.add(phrases.body(brief.purpose(), brief.sequence()));
        if (!offering.isEmpty()) {
            sentences.add(phrases.offering());
        }
        if (brief.callToAction()) {
            sentences.add(phrases.callToAction());
        }
        String text = fill(String.join(" ", sentences), brief, offering);
        return new CanonicalPost(phrases.language(), text, hashtags(brief, phrases));
    }

    private static String fill(String template, PostBrief brief, String offering) {
        return template
                .replace("{brand}", brief.brandName())
                .replace("{location}", brief.location())
                .replace("{topic}", brief.topic())
                .replace("{theme}", brief.campaignTheme() == null ? brief.topic() : brief.campaignTheme())
                .replace("{offering}", offering);
    }

    /** Hashtags of the topic (or theme), the brand, the place and a generic one; ASCII words only. */
    private static List<String> hashtags(PostBrief brief, Phrasebook phrases) {
        Set<String> tags = new LinkedHashSet<>();
        add(tags, brief.campaignTheme());
        add(tags, brief.topic());
        add(tags, brief.brandName());
        add(tags, brief.location() == null ? null : brief.location().split(",")[0]);
        tags.add(phrases.genericHashtag());
        return List.copyOf(tags);
    }

    private static void add(Set<String> tags, String words) {
        if (words == null) {
            return;
        }
        StringBuilder tag = new StringBuilder("#");
        for (String word : words.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                tag.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        if (tag.length() > 1 && tag.length() <= 101) {
            tags.add(tag.toString());
        }
    }
}
