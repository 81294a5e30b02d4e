package com.myagents.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.myagents.contracts.deliverables.PayloadHash;

class PayloadHashTest {

    @Test
    void keyOrderDoesNotChangeTheHashButAnyValueDoes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("text", "Hello");
        a.put("platform", "x");
        a.put("meta", Map.of("z", 1, "a", List.of("b", "a")));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("meta", Map.of("a", List.of("b", "a"), "z", 1));
        b.put("platform", "x");
        b.put("text", "Hello");

        assertThat(PayloadHash.of(a)).isEqualTo(PayloadHash.of(b)).hasSize(64);
        assertThat(PayloadHash.canonicalJson(a)).isEqualTo("{\"meta\":{\"a\":[\"b\",\"a\"],\"z\":1},\"platform\":\"x\",\"text\":\"Hello\"}");
        assertThat(PayloadHash.of(Map.of("text", "Hello!", "platform", "x"))).isNotEqualTo(PayloadHash.of(Map.of("text", "Hello", "platform", "x")));
    }

    @Test
    void matchesTheHashTheDemoSeedComputesInSql() {
        // plant-store's demo deliverable: encode(sha256(convert_to(canonical, 'UTF8')), 'hex') of this text
        String text = "Flu season is here. Book a 10-minute flu shot at our clinic this week: walk-ins welcome, "
                + "Monday to Saturday. #FluShot #HealthyHabits";
        assertThat(PayloadHash.canonicalJson(Map.of("text", text, "platform", "linkedin")))
                .isEqualTo("{\"platform\":\"linkedin\",\"text\":\"" + text + "\"}");
    }
}
