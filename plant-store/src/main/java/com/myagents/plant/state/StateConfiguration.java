package com.myagents.plant.state;

import org.jooq.DSLContext;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.plant.outbox.OutboxWriter;

/** plant-store publishes a snapshot of Plant's state at start, after its migrations. */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "myagents.state-snapshot.on-start", matchIfMissing = true)
    ApplicationRunner stateSnapshotOnStart(DSLContext db, OutboxWriter outbox) {
        return args -> new StateSnapshot(db, new PlantStateEvents(outbox)).publishAll();
    }
}
