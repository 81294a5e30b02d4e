package com.myagents.goals.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.myagents.goals.runs.Fields;

class PostFitterTest {

    static final String LONG = "Regular check-ups catch problems early. ".repeat(2000).trim();
    static final CanonicalPost POST = new CanonicalPost("en", LONG, List.of("#HealthTips", "#Pune", "#Clinic", "#Care"));

    static PostRules rules(Map<String, Object> constraints, Integer goalMax) {
        return PostRules.of(Fields.of(constraints), goalMax);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aLongPostIsCutAtAWordBoundaryToFitEveryPlatformsLimit(Platform platform) {
        FittedPost fitted = PostFitter.fit(platform, POST, rules(Map.of(), null));

        assertThat(fitted.length()).isLessThanOrEqualTo(platform.limit()).isEqualTo(platform.length(fitted.text()));
        assertThat(fitted.limit()).isEqualTo(platform.limit());
        assertThat(fitted.shortened()).isTrue();
        String message = fitted.text().substring(0, fitted.text().indexOf("\n\n"));
        assertThat(message.endsWith(PostFitter.ELLIPSIS)).as("marked as cut").isTrue();
        String kept = message.substring(0, message.length() - PostFitter.ELLIPSIS.length());
        assertThat(LONG.startsWith(kept) && Character.isWhitespace(LONG.charAt(kept.length())))
                .as("cut at a word boundary").isTrue();
        assertThat(fitted.hashtags()).hasSize(PostRules.DEFAULT_MAX_HASHTAGS);
    }

    @Test
    void theCustomersMaximumLengthAndHashtagRulesApply() {
        Map<String, Object> constraints = Map.of("max_length", 200, "hashtags",
                Map.of("max_count", 2, "required", List.of("#SunriseCares"), "banned", List.of("#healthtips")));

        FittedPost fitted = PostFitter.fit(Platform.LINKEDIN, POST, rules(constraints, null));

        assertThat(fitted.limit()).isEqualTo(200);
        assertThat(fitted.length()).isLessThanOrEqualTo(200);
        assertThat(fitted.hashtags()).containsExactly("#SunriseCares", "#Pune");
        assertThat(fitted.text()).endsWith("#SunriseCares #Pune").doesNotContainIgnoringCase("#HealthTips");
    }

    @Test
    void aGoalsOwnMaximumTightensTheConfiguredOne() {
        assertThat(rules(Map.of("max_length", 500), 280).limitOn(Platform.FACEBOOK)).isEqualTo(280);
        assertThat(rules(Map.of("max_length", 100), 280).limitOn(Platform.FACEBOOK)).isEqualTo(100);
        assertThat(rules(Map.of(), 280).limitOn(Platform.X)).isEqualTo(280);
        assertThat(rules(Map.of(), null).limitOn(Platform.WHATSAPP)).isEqualTo(1024);
    }

    @Test
    void aShortPostIsLeftWholeWithItsHashtags() {
        CanonicalPost shortPost = new CanonicalPost("en", "Stay hydrated.", List.of("#Water"));

        FittedPost fitted = PostFitter.fit(Platform.X, shortPost, rules(Map.of(), null));

        assertThat(fitted.text()).isEqualTo("Stay hydrated.\n\n#Water");
        assertThat(fitted.shortened()).isFalse();
    }

    @Test
    void optionalHashtagsGiveWayToTheMessageWhenTheLimitIsTight() {
        FittedPost fitted = PostFitter.fit(Platform.X, POST, rules(Map.of("max_length", 60,
                "hashtags", Map.of("max_count", 4)), null));

        assertThat(fitted.length()).isLessThanOrEqualTo(60);
        assertThat(fitted.hashtags()).hasSizeLessThan(4);
        assertThat(fitted.text()).startsWith("Regular check-ups");
    }

    @Test
    void requiredHashtagsLongerThanTheLimitAreCutRatherThanExceedIt() {
        Map<String, Object> constraints = Map.of("max_length", 10, "hashtags", Map.of("required", List.of("#AVeryLongRequiredTag")));

        FittedPost fitted = PostFitter.fit(Platform.X, POST, rules(constraints, null));

        assertThat(fitted.length()).isLessThanOrEqualTo(10);
    }

    @Test
    void xCountsDevanagariOnceAndEmojiAndTheEllipsisTwice() {
        assertThat(Platform.X.length("नमस्ते")).isEqualTo("नमस्ते".length());
        assertThat(Platform.X.length("…")).isEqualTo(2);
        assertThat(Platform.X.length("\uD83D\uDE00")).isEqualTo(2);
        assertThat(Platform.LINKEDIN.length("\uD83D\uDE00")).isEqualTo(1);
        assertThat(Platform.fromCode("mastodon")).isNull();
    }

    @Test
    void aSingleOverlongWordIsCutInside() {
        assertThat(PostFitter.shorten(Platform.X, "x".repeat(50), 10)).isEqualTo("xxxxxxxx" + PostFitter.ELLIPSIS);
        assertThat(PostFitter.shorten(Platform.X, "word word", 1)).isEmpty();
        assertThat(PostFitter.shorten(Platform.LINKEDIN, "one two three", 8)).isEqualTo("one two" + PostFitter.ELLIPSIS);
    }
}
