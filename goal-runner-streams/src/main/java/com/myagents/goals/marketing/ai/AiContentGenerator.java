package com.myagents.goals.marketing.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.myagents.contracts.drafting.DraftingGenerator;
import com.myagents.goals.marketing.CanonicalPost;
import com.myagents.goals.marketing.CanonicalPost.Usage;
import com.myagents.goals.marketing.ContentGenerator;
import com.myagents.goals.marketing.PostBrief;

import tools.jackson.databind.JsonNode;

/**
 * Drafts posts with a model behind an OpenAI-compatible chat-completions API, in any of the ten
 * primary languages. The answer is structured (text, hashtags, a variant per platform); platform
 * limits and hashtag rules are applied afterwards by the same fitter as for the template. The
 * definition's healthcare guard is checked on every answer: a post that makes a banned claim is
 * asked for once more without it, and if the second answer still makes one, the template writes
 * the post instead and the draft says why. A timeout or error falls back to the template too, and
 * says so on the draft. Every answer's tokens are priced into the post's {@link Usage}.
 */
public record AiContentGenerator(ChatCompletions chat, ContentGenerator fallback, TokenPrices prices)
        implements ContentGenerator {

    public static final Set<String> LANGUAGES = Set.copyOf(DraftingGenerator.AI.languages());
    static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "hi", "Hindi", "bn", "Bengali",
            "ta", "Tamil", "te", "Telugu", "mr", "Marathi", "gu", "Gujarati", "kn", "Kannada", "ml", "Malayalam",
            "pa", "Punjabi");
    private static final Pattern HASHTAG = Pattern.compile("^#[A-Za-z0-9_]{1,100}$");
    private static final Logger log = LoggerFactory.getLogger(AiContentGenerator.class);

    /** Prices of a million tokens in minor units (paise), prompt and completion. */
    public record TokenPrices(long promptPerMillionMinor, long completionPerMillionMinor) {

        Usage of(long promptTokens, long completionTokens) {
            long cost = ceilDiv(promptTokens * promptPerMillionMinor + completionTokens * completionPerMillionMinor,
                    1_000_000L);
            return new Usage(promptTokens, completionTokens, cost);
        }

        private static long ceilDiv(long value, long by) {
            return (value + by - 1) / by;
        }
    }

    @Override
    public Set<String> languages() {
        return LANGUAGES;
    }

    @Override
    public CanonicalPost write(PostBrief brief) {
        Usage spent = Usage.NONE;
        String correction = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            ChatCompletions.Answer answer;
            try {
                answer = chat.complete(system(brief), user(brief, correction), "marketing_post", PostSchema.of(brief));
            } catch (ChatCompletions.Failure e) {
                log.warn("AI drafting failed ({}); the template writes this post", e.getMessage());
                return fallback.write(brief).plusUsage(spent).withNote("The AI generator could not draft this post ("
                        + e.getMessage() + "); the template generator wrote it instead.");
            }
            spent = spent.plus(prices.of(answer.promptTokens(), answer.completionTokens()));
            CanonicalPost post = parse(brief, answer.document());
            if (post == null) {
                return fallback.write(brief).plusUsage(spent).withNote("The AI generator's answer was not a usable"
                        + " post; the template generator wrote it instead.");
            }
            Optional<String> claim = ClaimGuard.firstClaim(post, brief.bannedClaims());
            if (claim.isEmpty()) {
                return post.plusUsage(spent);
            }
            correction = claim.get();
            log.info("AI draft made a banned claim ({}); asking again (attempt {})", correction, attempt);
        }
        return fallback.write(brief).plusUsage(spent).withNote("The AI generator's post made a medical claim this"
                + " agent must not make (\"" + correction + "\") twice; the template generator wrote it instead.");
    }

    private CanonicalPost parse(PostBrief brief, JsonNode document) {
        String text = document.path("text").asString("").strip();
        if (text.isEmpty()) {
            return null;
        }
        List<String> hashtags = new ArrayList<>();
        document.path("hashtags").forEach(tag -> {
            String value = tag.asString("").strip();
            String withHash = value.startsWith("#") ? value : "#" + value;
            if (HASHTAG.matcher(withHash).matches()) {
                hashtags.add(withHash);
            }
        });
        Map<String, String> variants = new LinkedHashMap<>();
        document.path("variants").forEach(variant -> {
            String platform = variant.path("platform").asString("");
            String variantText = variant.path("text").asString("").strip();
            if (brief.platforms().contains(platform) && !variantText.isEmpty()) {
                variants.put(platform, variantText);
            }
        });
        return new CanonicalPost(brief.language(), text, hashtags, variants, "ai:" + chat.model(), null, Usage.NONE);
    }

    static String system(PostBrief brief) {
        String language = LANGUAGE_NAMES.getOrDefault(brief.language(), "English");
        StringBuilder system = new StringBuilder()
                .append("You write social media posts for a healthcare practice. Write in ").append(language)
                .append(" (").append(brief.language()).append("), in the script native to it. ")
                .append("Be warm, accurate and modest. Never promise outcomes, cures or guarantees, and make no ")
                .append("medical claims; invite people to consult the practice instead. Hashtags are ASCII words ")
                .append("starting with #. Answer only with the JSON the schema describes.");
        if (!brief.bannedClaims().isEmpty()) {
            system.append(" Never use these words or claims: ").append(String.join(", ", brief.bannedClaims())).append('.');
        }
        return system.toString();
    }

    static String user(PostBrief brief, String correction) {
        StringBuilder user = new StringBuilder()
                .append("Kind of post: ").append(brief.purpose().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(".\nBrand: ").append(brief.brandName())
                .append(".\nLocation: ").append(brief.location())
                .append(".\nServices: ").append(String.join(", ", brief.offerings()))
                .append(".\nTopic: ").append(brief.topic())
                .append(".\nTone: ").append(brief.tone());
        if (brief.campaignTheme() != null) {
            user.append(".\nCampaign theme: ").append(brief.campaignTheme());
        }
        user.append(".\nEnd with a call to action to book a visit: ").append(brief.callToAction() ? "yes" : "no")
                .append(".\nWrite one variant per platform, suited to it: ").append(String.join(", ", brief.platforms()))
                .append('.');
        if (correction != null) {
            user.append("\nYour previous post made a claim this practice must not make (\"").append(correction)
                    .append("\"). Write it again without that claim or anything like it.");
        }
        return user.toString();
    }
}
