package com.myagents.goals.marketing.ai;

import java.util.List;
import java.util.Map;

import com.myagents.goals.marketing.PostBrief;

/** The JSON Schema the model's answer must follow: the message, its hashtags, one variant per platform. */
final class PostSchema {

    private PostSchema() {
    }

    static Map<String, Object> of(PostBrief brief) {
        Map<String, Object> platform = brief.platforms().isEmpty() ? Map.of("type", "string")
                : Map.of("type", "string", "enum", brief.platforms());
        Map<String, Object> variant = Map.of("type", "object", "additionalProperties", false,
                "required", List.of("platform", "text"),
                "properties", Map.of("platform", platform, "text", Map.of("type", "string")));
        return Map.of("type", "object", "additionalProperties", false,
                "required", List.of("text", "hashtags", "variants"),
                "properties", Map.of(
                        "text", Map.of("type", "string", "description", "the post, without hashtags"),
                        "hashtags", Map.of("type", "array", "items", Map.of("type", "string")),
                        "variants", Map.of("type", "array", "items", variant)));
    }
}
