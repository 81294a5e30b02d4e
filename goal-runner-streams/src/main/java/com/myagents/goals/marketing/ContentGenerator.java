package com.myagents.goals.marketing;

/**
 * Writes the canonical message of one marketing post. The default implementation,
 * {@link TemplateContentGenerator}, is deterministic and template-based. A model-backed
 * implementation may be added behind configuration (off by default, metered); trading never uses
 * a content generator.
 */
public interface ContentGenerator {

    CanonicalPost write(PostBrief brief);

    /** The primary languages this generator writes well; a language not listed is not offered. */
    java.util.Set<String> languages();
}
