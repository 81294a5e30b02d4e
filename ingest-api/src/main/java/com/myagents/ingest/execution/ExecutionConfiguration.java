package com.myagents.ingest.execution;

import java.time.Clock;
import java.time.Duration;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.plant.outbox.OutboxWriter;

@Configuration
class ExecutionConfiguration {

    @Bean
    DecisionWaiter decisionWaiter(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new DecisionWaiter(bootstrapServers);
    }

    @Bean
    ExecutionService executionService(DSLContext db, OutboxWriter outbox, DecisionWaiter decisions,
                                      @Value("${myagents.execute.decision-wait:5s}") Duration decisionWait) {
        return new ExecutionService(db, outbox, decisions, decisionWait, Clock.systemUTC());
    }
}
