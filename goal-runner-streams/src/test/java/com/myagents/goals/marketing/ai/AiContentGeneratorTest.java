package com.myagents.goals.marketing.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.myagents.goals.marketing.CanonicalPost;
import com.myagents.goals.marketing.FittedPost;
import com.myagents.goals.marketing.Platform;
import com.myagents.goals.marketing.PostBrief;
import com.myagents.goals.marketing.PostFitter;
import com.myagents.goals.marketing.PostRules;
import com.myagents.goals.marketing.TemplateContentGenerator;

/** The model-backed generator against a stubbed OpenAI-compatible chat-completions server. */
class AiContentGeneratorTest {

    static final List<String> BANNED = List.of("guaranteed", "100% cure", "miracle");
    /** 1.3 paise per thousand prompt tokens, 5.2 per thousand completion tokens. */
    static final AiContentGenerator.TokenPrices PRICES = new AiContentGenerator.TokenPrices(1300, 5200);
    /** 1200 prompt + 300 completion tokens: 1.56 + 1.56 = 3.12 → 4 paise (rounded up). */
    static final long ONE_ANSWER_COST = 4;

    private final StubChatCompletions stub = newStub();

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void parsesTheStructuredAnswerAndTheFitterKeepsAnOverLongVariantWithinThePlatformLimit() {
        String longVariant = "Flu season is here. ".repeat(30).strip();
        stub.answer(request -> StubChatCompletions.post("Flu shots at Sunrise Clinic this week.",
                List.of("#FluShots", "not a tag!", "Pune"), Map.of("x", longVariant, "linkedin", "A longer LinkedIn post.")));

        CanonicalPost post = generator(Duration.ofSeconds(5)).write(brief("en"));
        FittedPost onX = PostFitter.fit(Platform.X, post, new PostRules(null, 3, List.of(), List.of("#Pune")));

        assertThat(post.generator()).isEqualTo("ai:test-model");
        assertThat(post.note()).isNull();
        assertThat(post.hashtags()).containsExactly("#FluShots", "#Pune");
        assertThat(post.textFor(Platform.LINKEDIN)).isEqualTo("A longer LinkedIn post.");
        assertThat(post.textFor(Platform.FACEBOOK)).isEqualTo("Flu shots at Sunrise Clinic this week.");
        assertThat(onX.length()).isLessThanOrEqualTo(280);
        assertThat(onX.shortened()).isTrue();
        assertThat(onX.hashtags()).containsExactly("#FluShots");
        assertThat(post.usage()).isEqualTo(new CanonicalPost.Usage(1200, 300, ONE_ANSWER_COST));
        assertThat(stub.requests.get(0).path("response_format").path("type").asString()).isEqualTo("json_schema");
        assertThat(stub.requests.get(0).path("model").asString()).isEqualTo("test-model");
    }

    @Test
    void aMedicalClaimIsAskedForAgainAndTheCleanAnswerIsUsedWithBothAnswersPaidFor() {
        stub.answer(request -> StubChatCompletions.prompt(request).contains("previous post made a claim")
                ? StubChatCompletions.post("Ask us about flu shots this week.", List.of("#Flu"), Map.of())
                : StubChatCompletions.post("Our flu shot is a GUARANTEED shield.", List.of("#Flu"), Map.of()));

        CanonicalPost post = generator(Duration.ofSeconds(5)).write(brief("en"));

        assertThat(post.text()).isEqualTo("Ask us about flu shots this week.");
        assertThat(stub.requests).hasSize(2);
        assertThat(StubChatCompletions.prompt(stub.requests.get(1))).contains("(\"guaranteed\")");
        assertThat(post.usage().costMinor()).isEqualTo(2 * ONE_ANSWER_COST);
    }

    @Test
    void aClaimInAVariantMadeTwiceFallsBackToTheTemplateAndTheDraftSaysWhy() {
        stub.answer(request -> StubChatCompletions.post("Flu shots this week.", List.of(),
                Map.of("x", "A miracle for your immunity!")));

        CanonicalPost post = generator(Duration.ofSeconds(5)).write(brief("en"));

        assertThat(post.generator()).isEqualTo(CanonicalPost.TEMPLATE);
        assertThat(post.text()).isEqualTo(new TemplateContentGenerator().write(brief("en")).text());
        assertThat(post.note()).contains("medical claim").contains("\"miracle\"").contains("template generator wrote it");
        assertThat(post.usage().promptTokens()).isEqualTo(2 * StubChatCompletions.PROMPT_TOKENS);
    }

    @Test
    void aTimeoutFallsBackToTheTemplateAndTheDraftSaysSo() {
        stub.stall(1_500);

        CanonicalPost post = generator(Duration.ofMillis(300)).write(brief("hi"));

        assertThat(post.generator()).isEqualTo(CanonicalPost.TEMPLATE);
        assertThat(post.language()).isEqualTo("hi");
        assertThat(post.note()).contains("could not draft this post").contains("no answer within");
        assertThat(post.usage()).isEqualTo(CanonicalPost.Usage.NONE);
    }

    @Test
    void everyOfferedLanguageProducesADraftInThatLanguage() {
        // the stub echoes the language code the prompt asks for
        Pattern asked = Pattern.compile("Write in [A-Za-z]+ \\(([a-z]{2})\\)");
        stub.answer(request -> {
            Matcher language = asked.matcher(StubChatCompletions.prompt(request));
            return StubChatCompletions.post("[" + (language.find() ? language.group(1) : "?") + "] post",
                    List.of(), Map.of());
        });
        AiContentGenerator ai = generator(Duration.ofSeconds(5));

        assertThat(ai.languages()).hasSize(10);
        for (String language : ai.languages()) {
            CanonicalPost post = ai.write(brief(language));
            assertThat(post.language()).isEqualTo(language);
            assertThat(post.text()).isEqualTo("[" + language + "] post");
        }
    }

    @Test
    void theTemplateOffersOnlyTheLanguagesItHasPhrasebooksForAndWritesEachInIt() {
        TemplateContentGenerator template = new TemplateContentGenerator();

        assertThat(template.languages()).containsExactlyInAnyOrder("en", "hi");
        for (String language : template.languages()) {
            assertThat(template.write(brief(language)).language()).as("a phrasebook of its own").isEqualTo(language);
        }
        assertThat(template.write(brief("hi")).text()).contains("नमस्ते");
        assertThat(template.write(brief("en")).text()).contains("Hi from Sunrise Clinic");
    }

    private AiContentGenerator generator(Duration timeout) {
        return new AiContentGenerator(new ChatCompletions(stub.baseUrl(), "test-model", "sk-test", timeout),
                new TemplateContentGenerator(), PRICES);
    }

    static PostBrief brief(String language) {
        return new PostBrief(PostBrief.Purpose.WEEKLY_POST, language, "Sunrise Clinic", List.of("Flu shots"), "Pune",
                "flu season", "friendly", null, true, 0, List.of("x", "linkedin", "facebook"), BANNED);
    }

    private static StubChatCompletions newStub() {
        try {
            return new StubChatCompletions();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
