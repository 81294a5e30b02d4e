package com.myagents.ingest.execution;

import java.time.Clock;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.myagents.contracts.security.KafkaClientSecurity;


@Configuration
@EnableConfigurationProperties(ExecuteTimings.class)
class ExecutionConfiguration {

    @Bean
    DecisionWaiter decisionWaiter(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, Environment env) {
        return new DecisionWaiter(bootstrapServers, KafkaClientSecurity.from(env::getProperty));
    }

    @Bean
    HealthIndicator decisionWaiterHealthIndicator(DecisionWaiter decisions) {
        return decisions::health;
    }

    @Bean
    ExecutionService executionService(DSLContext db, ExecutionRequests requests, DecisionWaiter decisions,
                                      ExecuteTimings timings, Clock clock) {
        return new ExecutionService(db, requests, decisions, timings.decisionWait(), clock);
    }

    @Bean
    ScheduledExecutions scheduledExecutions(DSLContext db, ExecutionRequests requests, ExecuteTimings timings,
                                            Clock clock) {
        return new ScheduledExecutions(db, requests, timings.scheduledInterval(), clock);
    }
}
