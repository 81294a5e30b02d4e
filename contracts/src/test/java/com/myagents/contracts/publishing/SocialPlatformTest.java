package com.myagents.contracts.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.execution.ExecutionResult;

class SocialPlatformTest {

    @Test
    void everyOfferedPlatformHasACodeAndPlatformsWithoutAConnectorAreKnown() {
        for (SocialPlatform platform : SocialPlatform.values()) {
            assertThat(SocialPlatform.fromCode(platform.code())).isSameAs(platform);
        }
        assertThat(SocialPlatform.fromCode("myspace")).isNull();
        assertThat(SocialPlatform.YOUTUBE.hasConnector()).isFalse();
        assertThat(SocialPlatform.WHATSAPP.hasConnector()).isFalse();
        assertThat(SocialPlatform.FACEBOOK.hasConnector()).isTrue();
        assertThat(SocialPlatform.INSTAGRAM.imageRequired()).isTrue();
        assertThat(SocialPlatform.Method.fromCode("manual")).isSameAs(SocialPlatform.Method.MANUAL);
        assertThat(SocialPlatform.Method.fromCode("carrier_pigeon")).isNull();
    }

    @Test
    void composerLinksCarryThePostTextWherePlatformsTakeIt() {
        assertThat(SocialPlatform.WHATSAPP.composerUrl("Flu shots & more #Health"))
                .isEqualTo("https://wa.me/?text=Flu+shots+%26+more+%23Health");
        assertThat(SocialPlatform.X.composerUrl("hi")).isEqualTo("https://x.com/intent/post?text=hi");
        assertThat(SocialPlatform.INSTAGRAM.composerUrl("hi")).isEqualTo("https://www.instagram.com/");
    }

    @Test
    void aManualPublicationHappenedLikeAnExecutedOne() {
        assertThat(ExecutionResult.Status.EXECUTED_MANUALLY.code()).isEqualTo("executed_manually");
        assertThat(ExecutionResult.Status.EXECUTED_MANUALLY.happened()).isTrue();
        assertThat(ExecutionResult.Status.DRY_RUN.happened()).isFalse();
    }
}
