package com.myagents.cp.drafting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.contracts.drafting.DraftingGenerator;

/**
 * {@code GET /api/cp/drafting}: which generator drafts this deployment's marketing posts and the
 * primary languages it writes, so the Configure form offers only those and says who drafts. Read
 * from the same setting the goal runner drafts with ({@code MYAGENTS_CONTENT_GENERATOR}).
 */
@RestController
public class DraftingController {

    private final DraftingGenerator generator;

    public DraftingController(DraftingProperties properties) {
        this.generator = properties.kind();
    }

    @GetMapping("/api/cp/drafting")
    public Map<String, Object> drafting() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generator", generator.code());
        body.put("label", generator.label());
        body.put("languages", generator.languages());
        return body;
    }
}
