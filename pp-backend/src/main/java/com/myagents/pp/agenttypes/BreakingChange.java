package com.myagents.pp.agenttypes;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A change from the previous published version that can break what customers already have.
 *
 * @param path where in the candidate (or, for something removed, in the previous version) it is
 */
public record BreakingChange(Kind kind, String path, String message) {

    public enum Kind {
        /** A field the previous version required is gone. */
        REMOVED_REQUIRED_FIELD,
        /** A field is required now that was not: configs without it stop being configured. */
        NEW_REQUIRED_FIELD,
        /** Values the previous version allowed are no longer allowed. */
        NARROWED_ENUM,
        /** A goal template is gone: goals made from it can no longer run. */
        REMOVED_GOAL_TEMPLATE;

        @JsonValue
        public String code() {
            return name().toLowerCase();
        }
    }
}
