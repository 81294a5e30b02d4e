package com.myagents.connectors;

/**
 * {@code dry_run}: record exactly what would be sent and send nothing (no secret is resolved);
 * {@code live}: resolve the credential and perform the action.
 */
public enum ExecutionMode {
    DRY_RUN, LIVE
}
