package com.myagents.connectors.hiring;

import java.time.Duration;
import java.util.Optional;

import com.myagents.contracts.hiring.HiredAgentChange;

/** The latest state of every hired instance, as far as the connectors know it. */
public interface HiredInstanceTable {

    Optional<HiredAgentChange> find(String hiredInstanceId);

    /** False when the table was not loaded within {@code wait}. */
    boolean awaitCaughtUp(Duration wait);
}
