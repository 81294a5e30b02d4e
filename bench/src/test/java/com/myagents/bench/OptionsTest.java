package com.myagents.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void readsGivenValuesAndFallsBackToDefaults() {
        Options options = Options.parse("--rate=250", "--duration=30s", "--goals=10k", "--quick");

        assertThat(options.decimal("rate", 500)).isEqualTo(250);
        assertThat(options.duration("duration", Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.integer("goals", 100_000)).isEqualTo(10_000);
        assertThat(options.flag("quick")).isTrue();
        assertThat(options.number("requests", 60_000)).isEqualTo(60_000);
        assertThat(options.text("services", "all")).isEqualTo("all");
    }

    @Test
    void understandsEveryDurationSpelling() {
        Options options = Options.parse("--a=500ms", "--b=1.5s", "--c=2m", "--d=PT3S", "--e=7");

        assertThat(options.duration("a", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(options.duration("b", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.duration("c", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.duration("d", Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.duration("e", Duration.ZERO)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void listsWhatARunUsedDefaultsIncludedAndWhatItNeverRead() {
        Options options = Options.parse("--rate=250", "--rtae=1");

        options.decimal("rate", 500);
        options.duration("warmup", Duration.ofMillis(1500));

        assertThat(options.used()).containsExactly(
                java.util.Map.entry("rate", "250"), java.util.Map.entry("warmup", "1500ms"));
        assertThat(options.unread()).containsExactly("rtae");
    }

    @Test
    void refusesWhatIsNotAFlagOrNotANumber() {
        assertThatThrownBy(() -> Options.parse("rate=5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("--")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse("--rate=fast").decimal("rate", 1))
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> Options.parse("--goals=many").integer("goals", 1))
                .hasMessageContaining("--goals");
        assertThatThrownBy(() -> Options.parse("--lead=soon").duration("lead", Duration.ZERO))
                .hasMessageContaining("--lead");
    }
}
