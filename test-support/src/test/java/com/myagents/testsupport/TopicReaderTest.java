package com.myagents.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.Topics;
import com.myagents.contracts.market.MarkPrice;

class TopicReaderTest {

    @Test
    void readsWhatTheWriterPutOnTheTopicPastRecordsItsSerdeCannotRead() {
        String key = UUID.randomUUID().toString();
        MarkPrice price = new MarkPrice("BTCUSD", "101.5", "test", Instant.parse("2026-12-01T00:00:00Z"));
        TopicWriter.shared().publishRaw(Topics.MARK_PRICES.name(), key, "not json".getBytes(StandardCharsets.UTF_8));
        TopicWriter.shared().publish(Topics.MARK_PRICES, key, price);

        try (var records = TopicReader.records(Topics.MARK_PRICES, r -> key.equals(r.key()))) {
            assertThat(records.readUntil(seen -> seen.size() >= 2, Duration.ofSeconds(20)))
                    .extracting(r -> r.value()).containsExactly(null, price);
        }
        try (var values = TopicReader.values(Topics.MARK_PRICES, p -> p.equals(price))) {
            assertThat(values.first(Duration.ofSeconds(20))).isEqualTo(price);
        }
    }

    @Test
    void saysWhichTopicHadNothingWhenNothingMatches() {
        try (var values = TopicReader.values(Topics.MARK_PRICES, p -> false)) {
            assertThatThrownBy(() -> values.first(Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining(Topics.MARK_PRICES.name());
        }
    }
}
