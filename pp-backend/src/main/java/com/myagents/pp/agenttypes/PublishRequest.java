package com.myagents.pp.agenttypes;

/**
 * Body of a publish: {@code {"acknowledge_breaking_changes": true}} publishes a version that breaks
 * what customers have, after the author has seen what and whom; absent or false, breaking changes
 * block the publish.
 */
public record PublishRequest(Boolean acknowledgeBreakingChanges) {

    boolean acknowledged() {
        return Boolean.TRUE.equals(acknowledgeBreakingChanges);
    }
}
