package com.myagents.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Where a stream app's stores keep their state. Either way it is backed by a changelog topic;
 * RocksDB keeps large state off the heap and restores less on restart, in-memory is for driver
 * tests (the test driver runs ~50x slower on RocksDB) and small deployments.
 */
public enum StoreKind {
    IN_MEMORY, PERSISTENT;

    /** A plain key-value store (processor state, global tables read by key). */
    public KeyValueBytesStoreSupplier keyValue(String name) {
        return this == IN_MEMORY ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    /** The store of a {@code KTable}: on RocksDB it keeps each value's timestamp too. */
    public KeyValueBytesStoreSupplier table(String name) {
        return this == IN_MEMORY ? Stores.inMemoryKeyValueStore(name) : Stores.persistentTimestampedKeyValueStore(name);
    }

    /** A processor's key-value store with string keys, to add to the topology by name. */
    public <V> StoreBuilder<KeyValueStore<String, V>> stringKeyed(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(keyValue(name), Serdes.String(), values);
    }
}
