package com.myagents.contracts.drafting;

import java.util.List;

import com.myagents.contracts.NamedCode;

/**
 * The content generators a deployment can draft marketing posts with, and the primary languages
 * each writes well: a language is offered to customers only when the deployment's generator
 * supports it (the template has phrasebooks for English and Hindi; a model writes all ten).
 * The goal runner drafts with one ({@code myagents.goal-runner.content-generator}); CP shows which.
 */
public enum DraftingGenerator implements NamedCode {
    TEMPLATE("Template generator (phrasebooks; deterministic, no cost)", List.of("en", "hi")),
    AI("AI generator (a language model; falls back to the template when it cannot answer)",
            List.of("en", "hi", "bn", "ta", "te", "mr", "gu", "kn", "ml", "pa"));

    private final String label;
    private final List<String> languages;

    DraftingGenerator(String label, List<String> languages) {
        this.label = label;
        this.languages = languages;
    }

    public String label() {
        return label;
    }

    public List<String> languages() {
        return languages;
    }

    /** The generator with this configuration code ({@code template}, {@code ai}), or {@code null}. */
    public static DraftingGenerator fromCode(String code) {
        return NamedCode.fromCode(DraftingGenerator.class, code);
    }
}
