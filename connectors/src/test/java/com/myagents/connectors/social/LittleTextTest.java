package com.myagents.connectors.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LittleTextTest {

    @Test
    void escapesWhatLinkedInReservesButKeepsHashtagsAndLinks() {
        assertThat(LittleText.escape("Hours (Mon-Fri) @ 9 <am> [walk-ins] {all} *new* ~ _x_ | a\\b #care_team # alone"
                + " https://x.example/a_(b)"))
                .isEqualTo("Hours \\(Mon-Fri\\) \\@ 9 \\<am\\> \\[walk-ins\\] \\{all\\} \\*new\\* \\~ \\_x\\_ \\| a\\\\b"
                        + " #care_team \\# alone https://x.example/a_(b)");
    }

    @Test
    void leavesPlainTextAlone() {
        assertThat(LittleText.escape("नमस्ते! Book today.")).isEqualTo("नमस्ते! Book today.");
    }
}
