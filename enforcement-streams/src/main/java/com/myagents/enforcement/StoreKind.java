package com.myagents.enforcement;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the enforcement stores keep their state. Either way it is backed by a changelog topic;
 * RocksDB keeps large state off the heap and restores less on restart, in-memory is for tests
 * (the test driver runs ~50x slower on RocksDB) and small deployments.
 */
public enum StoreKind {
    IN_MEMORY, PERSISTENT;

    KeyValueBytesStoreSupplier keyValue(String name) {
        return this == IN_MEMORY ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    KeyValueBytesStoreSupplier table(String name) {
        return this == IN_MEMORY ? Stores.inMemoryKeyValueStore(name) : Stores.persistentTimestampedKeyValueStore(name);
    }
}
