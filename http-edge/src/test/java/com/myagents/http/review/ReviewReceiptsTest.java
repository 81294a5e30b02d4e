package com.myagents.http.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.myagents.http.identity.InvalidTokenException;
import com.myagents.http.identity.Keys;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReviewReceiptsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] KEY = Keys.decode(Keys.generate());
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aReceiptSaysWhichExactVersionWasReviewedAndByWhom() {
        ReviewReceipts receipts = new ReviewReceipts(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
        String token = receipts.mint(new ReviewReceipts.Receipt("t.x", "1.1.0", "ab".repeat(32), "ops-1"));

        assertThat(receipts.verify(token)).isEqualTo(new ReviewReceipts.Receipt("t.x", "1.1.0", "ab".repeat(32), "ops-1"));
    }

    @Test
    void refusesAnExpiredReceiptAnotherKeysReceiptAndGarbage() {
        String old = new ReviewReceipts(KEY, Clock.fixed(NOW.minus(Duration.ofMinutes(10)), ZoneOffset.UTC))
                .mint(new ReviewReceipts.Receipt("t.x", "1.1.0", "h", "ops-1"));
        String foreign = new ReviewReceipts(Keys.decode(Keys.generate()), Clock.fixed(NOW, ZoneOffset.UTC))
                .mint(new ReviewReceipts.Receipt("t.x", "1.1.0", "h", "ops-1"));
        ReviewReceipts receipts = new ReviewReceipts(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

        for (String token : new String[] {old, foreign, "not.a.jwt", "", null}) {
            assertThatThrownBy(() -> receipts.verify(token)).isInstanceOf(InvalidTokenException.class);
        }
        assertThat(ReviewReceipts.fromKey(" ")).isNull();
    }

    @Test
    void theDefinitionHashIgnoresKeyOrderNumberSpellingAndStatusButNotContent() {
        JsonNode a = JSON.readTree("{\"agent_type_id\":\"t\",\"version\":\"1.0.0\",\"status\":\"draft\","
                + "\"config_schema\":{\"b\":1,\"a\":[1.5,{\"y\":2,\"x\":1}]},\"display_name\":\"T\"}");
        JsonNode sameContent = JSON.readTree("{\"display_name\":\"T\",\"status\":\"published\",\"version\":\"1.0.0\","
                + "\"config_schema\":{\"a\":[1.50,{\"x\":1,\"y\":2}],\"b\":1},\"agent_type_id\":\"t\"}");
        JsonNode edited = JSON.readTree("{\"agent_type_id\":\"t\",\"version\":\"1.0.0\",\"status\":\"draft\","
                + "\"config_schema\":{\"b\":2,\"a\":[1.5,{\"y\":2,\"x\":1}]},\"display_name\":\"T\"}");

        assertThat(DefinitionHash.of(a)).isEqualTo(DefinitionHash.of(sameContent)).hasSize(64);
        assertThat(DefinitionHash.of(edited)).isNotEqualTo(DefinitionHash.of(a));
    }
}
