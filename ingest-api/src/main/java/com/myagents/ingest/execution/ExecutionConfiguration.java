package com.myagents.ingest.execution;

import java.time.Clock;
import java.time.Duration;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.myagents.contracts.security.KafkaClientSecurity;


@Configuration
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
                                      @Value("${myagents.execute.decision-wait:5s}") Duration decisionWait) {
        return new ExecutionService(db, requests, decisions, decisionWait, Clock.systemUTC());
    }

    @Bean
    ScheduledExecutions scheduledExecutions(DSLContext db, ExecutionRequests requests,
                                            @Value("${myagents.scheduled-executions.interval:5s}") Duration interval) {
        return new ScheduledExecutions(db, requests, interval, Clock.systemUTC());
    }
}
