package com.myagents.ingest.hiring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.plant.outbox.OutboxWriter;
import com.myagents.plant.state.PlantStateEvents;

@Configuration(proxyBeanMethods = false)
class HiringConfiguration {

    @Bean
    PlantStateEvents plantStateEvents(OutboxWriter outbox) {
        return new PlantStateEvents(outbox);
    }
}
