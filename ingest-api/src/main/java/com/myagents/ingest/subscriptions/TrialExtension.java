package com.myagents.ingest.subscriptions;

/** An operator's extension of a trial by whole days, with the reason they give. */
public record TrialExtension(Integer days, String reason) {
}
