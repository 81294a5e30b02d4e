package com.myagents.goals.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.myagents.contracts.deliverables.PayloadHash;

/**
 * Draft payloads in canonical order: object keys sorted at every depth, so the payload a run puts
 * on the wire reads exactly like the canonical JSON its {@code payload_hash} is taken from
 * ({@link PayloadHash}, the one function goal runs, edits and enforcement share).
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** A deep copy with every map sorted by key, unmodifiable; lists keep their order. */
    public static Map<String, Object> sorted(Map<String, ?> payload) {
        return Collections.unmodifiableMap(sortMap(payload));
    }

    private static TreeMap<String, Object> sortMap(Map<String, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(key, sortValue(value)));
        return sorted;
    }

    @SuppressWarnings("unchecked")
    private static Object sortValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return Collections.unmodifiableMap(sortMap((Map<String, ?>) map));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(sortValue(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
