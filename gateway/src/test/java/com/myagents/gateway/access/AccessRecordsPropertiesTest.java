package com.myagents.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AccessRecordsPropertiesTest {

    @Test
    void aLingerBeyondFiveSecondsIsRefusedNamingTheSetting() {
        // records wait in the producer for the linger: a long one would lose that much on a crash
        assertThatThrownBy(() -> new AccessRecordsProperties("localhost:9092", 10_000, Duration.ofSeconds(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("myagents.gateway.access-records.linger");
    }

    @Test
    void aNegativeLingerIsRefused() {
        assertThatThrownBy(() -> new AccessRecordsProperties("localhost:9092", 10_000, Duration.ofMillis(-1)))
                .hasMessageContaining("between 0 and 5s");
    }

    @Test
    void anEmptyQueueIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new AccessRecordsProperties("localhost:9092", 0, Duration.ofMillis(100)))
                .hasMessageContaining("myagents.gateway.access-records.queue-capacity");
    }

    @Test
    void noLingerAndTheLongestAreAccepted() {
        assertThat(new AccessRecordsProperties("", 1, Duration.ZERO).linger()).isZero();
        assertThat(new AccessRecordsProperties("", 1, Duration.ofSeconds(5)).linger()).isEqualTo(Duration.ofSeconds(5));
    }
}
