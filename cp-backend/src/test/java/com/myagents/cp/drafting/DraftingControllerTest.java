package com.myagents.cp.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DraftingControllerTest {

    @Test
    void theTemplateDeploymentOffersEnglishAndHindiAndAnAiOneAllTenLanguages() {
        assertThat(new DraftingController(new DraftingProperties("template")).drafting())
                .containsEntry("generator", "template").containsEntry("languages", List.of("en", "hi"));
        assertThat(new DraftingController(new DraftingProperties("ai")).drafting()).containsEntry("generator", "ai")
                .extractingByKey("languages").asList().hasSize(10);
        assertThat(new DraftingController(new DraftingProperties("ai")).drafting().get("label").toString()).contains("AI generator");
    }

    @Test
    void anUnknownGeneratorStopsTheStartRatherThanOfferingLanguagesNobodyWrites() {
        assertThatThrownBy(() -> new DraftingController(new DraftingProperties("llm"))).hasMessageContaining("template, ai");
    }
}
