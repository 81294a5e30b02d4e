package com.myagents.enforcement.stages;

/** What a stage hands on: a final {@link Decided}, or a {@link Pending} request for the next stage. */
public sealed interface Evaluated permits Decided, Pending {
}
