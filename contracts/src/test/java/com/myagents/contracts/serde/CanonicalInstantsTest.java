package com.myagents.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class CanonicalInstantsTest {

    record Stamped(Instant at) {
    }

    /** Jackson's own reading, without the fast path: what every instant must still read as. */
    private static final JsonMapper JACKSONS = JsonMapper.builder().build();

    @Test
    void readsEveryCanonicalInstantAsJacksonDoes() {
        List<String> canonical = List.of("2026-12-04T02:05:29Z", "2026-12-04T02:05:29.1Z", "2026-12-04T02:05:29.123Z",
                "2026-12-04T02:05:29.123456Z", "2026-12-04T02:05:29.123456789Z", "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
        for (String text : canonical) {
            assertThat(CanonicalInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
            assertThat(read(text)).as(text).isEqualTo(JACKSONS.readValue(json(text), Stamped.class).at());
        }
    }

    @Test
    void readsWhatInstantToStringWrites() {
        Instant now = Instant.now();
        for (Instant instant : List.of(now, now.plusNanos(7), Instant.ofEpochSecond(now.getEpochSecond()),
                Instant.ofEpochMilli(now.toEpochMilli()))) {
            assertThat(CanonicalInstants.parse(instant.toString())).isEqualTo(instant);
            assertThat(EventJson.MAPPER.readValue(EventJson.MAPPER.writeValueAsString(new Stamped(instant)), Stamped.class).at())
                    .isEqualTo(instant);
        }
    }

    @Test
    void leavesEveryOtherFormToJacksons() {
        for (String text : List.of("2026-12-04T02:05:29+05:30", "2026-12-04T02:05:29.1234567890Z", "2026-12-04 02:05:29Z",
                "2026-12-04T02:05:60Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-04T24:00:00Z",
                "2026-12-04T02:05:29.Z", "2026-12-04T02:05:29z", "+2026-12-04T02:05:29Z", "2026-1a-04T02:05:29Z", "")) {
            assertThat(CanonicalInstants.parse(text)).as(text).isNull();
        }
        assertThat(read("2026-12-04T02:05:29+05:30")).isEqualTo(Instant.parse("2026-12-03T20:35:29Z"));
        assertThat(EventJson.MAPPER.readValue("{\"at\":1764813929000}", Stamped.class).at())
                .isEqualTo(JACKSONS.readValue("{\"at\":1764813929000}", Stamped.class).at());
        assertThat(EventJson.MAPPER.readValue("{\"at\":null}", Stamped.class).at()).isNull();
    }

    @Test
    void rejectsAnImpossibleDateAsJacksonDoes() {
        assertThatThrownBy(() -> read("2026-02-30T00:00:00Z")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> JACKSONS.readValue(json("2026-02-30T00:00:00Z"), Stamped.class))
                .isInstanceOf(JacksonException.class);
    }

    private static Instant read(String text) {
        return EventJson.MAPPER.readValue(json(text), Stamped.class).at();
    }

    private static String json(String text) {
        return "{\"at\":\"" + text + "\"}";
    }
}
