package com.myagents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class StoreKindTest {

    @Test
    void persistentStoresLiveInRocksDbAndInMemoryOnesDoNot() {
        assertThat(StoreKind.PERSISTENT.keyValue("a").get().persistent()).isTrue();
        assertThat(StoreKind.PERSISTENT.table("a").get().persistent()).isTrue();
        assertThat(StoreKind.IN_MEMORY.keyValue("a").get().persistent()).isFalse();
        assertThat(StoreKind.IN_MEMORY.table("a").get().persistent()).isFalse();
    }

    @Test
    void aTableOnRocksDbKeepsTimestampsAndAProcessorStoreDoesNot() {
        assertThat(StoreKind.PERSISTENT.table("t").metricsScope()).isEqualTo("rocksdb");
        assertThat(StoreKind.PERSISTENT.table("t").get().getClass().getSimpleName()).contains("Timestamped");
        assertThat(StoreKind.PERSISTENT.keyValue("k").get().getClass().getSimpleName()).doesNotContain("Timestamped");
    }

    @Test
    void aProcessorStoreIsAddedUnderItsName() {
        var builder = StoreKind.IN_MEMORY.stringKeyed("decided", Serdes.Long());

        assertThat(builder.name()).isEqualTo("decided");
        assertThat(builder.build().persistent()).isFalse();
    }
}
