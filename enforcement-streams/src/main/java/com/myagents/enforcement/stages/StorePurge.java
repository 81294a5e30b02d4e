package com.myagents.enforcement.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Removes the entries a stage no longer needs to remember. Keys are collected first and deleted
 * after the scan: a store must not change under its own open iterator.
 */
final class StorePurge {

    private StorePurge() {
    }

    /** @return how many entries were removed */
    static <V> int removeWhere(KeyValueStore<String, V> store, Predicate<V> forgettable) {
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (entry.value == null || forgettable.test(entry.value)) {
                    forgotten.add(entry.key);
                }
            }
        }
        forgotten.forEach(store::delete);
        return forgotten.size();
    }
}
