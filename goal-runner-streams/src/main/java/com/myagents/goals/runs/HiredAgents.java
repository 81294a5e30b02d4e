package com.myagents.goals.runs;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * Read access to the latest state of every hired instance: a global store fed by the compacted
 * hired-agents topic, complete on every instance before any task processes, so "is it runnable?"
 * is answered locally for goals of any partition.
 */
public final class HiredAgents {

    private final KeyValueStore<String, ValueAndTimestamp<HiredAgentChange>> store;

    private HiredAgents(KeyValueStore<String, ValueAndTimestamp<HiredAgentChange>> store) {
        this.store = store;
    }

    public static HiredAgents from(ProcessorContext<?, ?> context, String storeName) {
        return new HiredAgents(context.getStateStore(storeName));
    }

    /** The instance's latest state, or {@code null} when none was ever published. */
    public HiredAgentChange get(String hiredInstanceId) {
        if (hiredInstanceId == null) {
            return null;
        }
        ValueAndTimestamp<HiredAgentChange> latest = store.get(hiredInstanceId);
        return latest == null ? null : latest.value();
    }
}
