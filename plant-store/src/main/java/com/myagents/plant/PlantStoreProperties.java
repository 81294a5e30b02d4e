package com.myagents.plant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.myagents.plant.materializer.Materializer;
import com.myagents.plant.outbox.OutboxRelaySettings;

/** plant-store's settings ({@code myagents.*}), bound at start; a value out of range stops the start. */
@ConfigurationProperties("myagents")
record PlantStoreProperties(@DefaultValue Outbox outbox, @DefaultValue MaterializerSettings materializer,
        @DefaultValue Kafka kafka) {

    record Outbox(@DefaultValue Relay relay) {
    }

    /** The relay's work ({@link OutboxRelaySettings}) and how far behind it may be and still be ready. */
    record Relay(@DefaultValue("200") int batchSize, @DefaultValue("5s") Duration sweepInterval,
            @DefaultValue("30s") Duration sendTimeout, @DefaultValue("7d") Duration retainPublished,
            @DefaultValue("60s") Duration readyMaxLag) {

        Relay {
            // the relay's own checks, now, at binding (the compact constructor sees the parameters only)
            new OutboxRelaySettings(batchSize, sweepInterval, sendTimeout, retainPublished);
        }

        OutboxRelaySettings settings() {
            return new OutboxRelaySettings(batchSize, sweepInterval, sendTimeout, retainPublished);
        }
    }

    /** @param consumers how many of its consumers write at once (each takes a database connection while it writes) */
    record MaterializerSettings(@DefaultValue(Materializer.DEFAULT_GROUP_ID) String groupId,
            @DefaultValue("60s") Duration readyMaxLag,
            @DefaultValue("" + Materializer.DEFAULT_CONSUMERS) int consumers) {

        MaterializerSettings {
            if (consumers < 1) {
                throw new IllegalArgumentException("myagents.materializer.consumers must be at least 1");
            }
        }
    }

    record Kafka(@DefaultValue("1") short replicationFactor) {

        Kafka {
            if (replicationFactor < 1) {
                throw new IllegalArgumentException("myagents.kafka.replication-factor must be at least 1");
            }
        }
    }
}
