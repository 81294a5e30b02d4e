package com.myagents.http.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void keepsAValueUpToItsEndAndNotAfter() {
        TokenCache<String, String> cache = new TokenCache<>();
        cache.put("token", "principal", T0.plusSeconds(60), T0);

        assertThat(cache.get("token", T0.plusSeconds(60))).isEqualTo("principal");
        assertThat(cache.get("other", T0)).isNull();
        assertThat(cache.get("token", T0.plusSeconds(61))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBoundDroppingLapsedEntriesFirst() {
        TokenCache<String, String> cache = new TokenCache<>(3);
        cache.put("lapsing", "a", T0.plusSeconds(1), T0);
        cache.put("b", "b", T0.plusSeconds(60), T0);
        cache.put("c", "c", T0.plusSeconds(60), T0);

        cache.put("d", "d", T0.plusSeconds(60), T0.plusSeconds(2));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("b", T0.plusSeconds(2))).isEqualTo("b");
        assertThat(cache.get("d", T0.plusSeconds(2))).isEqualTo("d");

        cache.put("e", "e", T0.plusSeconds(60), T0.plusSeconds(2));

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("e", T0.plusSeconds(2))).isEqualTo("e");
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> new TokenCache<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
