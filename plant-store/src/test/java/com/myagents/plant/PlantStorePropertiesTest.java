package com.myagents.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.myagents.plant.materializer.Materializer;

class PlantStorePropertiesTest {

    private static PlantStoreProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("myagents", Bindable.of(PlantStoreProperties.class));
    }

    @Test
    void nothingSetGivesTheDocumentedDefaults() {
        PlantStoreProperties properties = bind(Map.of());

        assertThat(properties.outbox().relay().settings()).isEqualTo(new com.myagents.plant.outbox.OutboxRelaySettings(
                200, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofDays(7)));
        assertThat(properties.outbox().relay().readyMaxLag()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.materializer().groupId()).isEqualTo(Materializer.DEFAULT_GROUP_ID);
        assertThat(properties.kafka().replicationFactor()).isEqualTo((short) 1);
    }

    @Test
    void theSameKeysAsBeforeAreRead() {
        PlantStoreProperties properties = bind(Map.of("myagents.outbox.relay.batch-size", "50",
                "myagents.outbox.relay.sweep-interval", "1s", "myagents.materializer.group-id", "g",
                "myagents.materializer.ready-max-lag", "2m", "myagents.kafka.replication-factor", "3"));

        assertThat(properties.outbox().relay().batchSize()).isEqualTo(50);
        assertThat(properties.outbox().relay().sweepInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.materializer().groupId()).isEqualTo("g");
        assertThat(properties.materializer().readyMaxLag()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.kafka().replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void aValueOutOfRangeStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("myagents.outbox.relay.batch-size", "0")))
                .isInstanceOf(BindException.class).hasRootCauseMessage("batch size must be positive");
        assertThatThrownBy(() -> bind(Map.of("myagents.kafka.replication-factor", "0")))
                .isInstanceOf(BindException.class).hasRootCauseMessage("myagents.kafka.replication-factor must be at least 1");
    }
}
