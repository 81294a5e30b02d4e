package com.myagents.cp.drafting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.myagents.contracts.drafting.DraftingGenerator;

/** Who drafts this deployment's posts ({@code myagents.drafting.generator}: template or ai); another value stops the start. */
@ConfigurationProperties("myagents.drafting")
public record DraftingProperties(@DefaultValue("template") String generator) {

    public DraftingProperties {
        if (DraftingGenerator.fromCode(generator) == null) {
            throw new IllegalArgumentException("myagents.drafting.generator=" + generator + " is none of template, ai");
        }
    }

    public DraftingGenerator kind() {
        return DraftingGenerator.fromCode(generator);
    }
}
