package com.myagents.cp.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CredentialRefsTest {

    @Test
    void mintsOpaqueRefsShorterThanPlantsSecretThreshold() {
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String ref = CredentialRefs.mint();
            assertThat(ref).matches("^cref_[0-9A-Za-z]{22}$").hasSizeLessThan(32);
            assertThat(CredentialRefs.wellFormed(ref)).isTrue();
            refs.add(ref);
        }
        assertThat(refs).hasSize(2000);
    }

    @Test
    void acceptsOnlyItsOwnShape() {
        assertThat(CredentialRefs.wellFormed(null)).isFalse();
        assertThat(CredentialRefs.wellFormed("cref_linkedin01")).isFalse();
        assertThat(CredentialRefs.wellFormed("cref_" + "a".repeat(21) + "!")).isFalse();
        assertThat(CredentialRefs.wellFormed("xref_" + "a".repeat(22))).isFalse();
    }

    @Test
    void hintsShowTheLastFourCharactersOfLongSecretsOnly() {
        assertThat(Hints.of("AQVx-some-long-linkedin-token-9f3a")).isEqualTo("****9f3a");
        assertThat(Hints.of("  short-tok  ")).isEqualTo("****");
    }
}
