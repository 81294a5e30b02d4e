package com.myagents.goals.runs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.MeteredKeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * Read access to the latest state of every hired instance: a global store fed by the compacted
 * hired-agents topic, complete on every instance before any task processes, so "is it runnable?"
 * is answered locally for goals of any partition.
 * <p>
 * Every run and every due goal asks for its instance, and an instance (with its configuration) is
 * a few kilobytes of JSON: a fan-out of thousands of goals of one instance spent a sixth of the
 * runner's thread reading the same instance again. So the last state read of each instance is
 * kept with the bytes it was read from, and used again while the store holds the very same bytes
 * (compared, not parsed); any change of the instance is read afresh.
 */
public final class HiredAgents {

    /** Instances remembered at most; beyond it the memory starts over (it only saves parsing). */
    static final int REMEMBERED = 1_000;

    private final KeyValueStore<String, ValueAndTimestamp<HiredAgentChange>> store;
    /** The store's serialized layer (through its cache, if any), or null when it cannot be reached. */
    private final KeyValueStore<Bytes, byte[]> bytes;
    private final Map<String, Known> known = new HashMap<>();

    private record Known(byte[] bytes, HiredAgentChange agent) {
    }

    HiredAgents(KeyValueStore<String, ValueAndTimestamp<HiredAgentChange>> store) {
        this.store = store;
        this.bytes = serializedLayerOf(store);
    }

    public static HiredAgents from(ProcessorContext<?, ?> context, String storeName) {
        return new HiredAgents(context.getStateStore(storeName));
    }

    /** The instance's latest state, or {@code null} when none was ever published. */
    public HiredAgentChange get(String hiredInstanceId) {
        if (hiredInstanceId == null) {
            return null;
        }
        if (bytes == null) {
            return read(hiredInstanceId);
        }
        byte[] now = bytes.get(Bytes.wrap(hiredInstanceId.getBytes(StandardCharsets.UTF_8)));
        if (now == null) {
            known.remove(hiredInstanceId);
            return null;
        }
        Known last = known.get(hiredInstanceId);
        if (last != null && Arrays.equals(last.bytes(), now)) {
            return last.agent();
        }
        HiredAgentChange agent = read(hiredInstanceId);
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        known.put(hiredInstanceId, new Known(now, agent));
        return agent;
    }

    private HiredAgentChange read(String hiredInstanceId) {
        ValueAndTimestamp<HiredAgentChange> latest = store.get(hiredInstanceId);
        return latest == null ? null : latest.value();
    }

    /**
     * The bytes layer right under the store's metered (serializing) layer, found through the
     * wrappers Kafka Streams puts around a store; null when the store is not built that way.
     */
    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, byte[]> serializedLayerOf(StateStore store) {
        StateStore at = store;
        while (at instanceof WrappedStateStore<?, ?, ?> wrapped) {
            if (wrapped instanceof MeteredKeyValueStore<?, ?> metered) {
                return (KeyValueStore<Bytes, byte[]>) metered.wrapped();
            }
            at = wrapped.wrapped();
        }
        return null;
    }
}
