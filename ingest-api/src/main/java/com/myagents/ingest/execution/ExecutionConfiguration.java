package com.myagents.ingest.execution;

import java.time.Clock;

import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.myagents.contracts.security.KafkaClientSecurity;


@Configuration
// Spring's Kafka auto-configuration is off (ServiceApplication); its spring.kafka.* properties are still bound
@EnableConfigurationProperties({ExecuteTimings.class, KafkaProperties.class})
class ExecutionConfiguration {

    @Bean
    DecisionWaiter decisionWaiter(KafkaProperties kafka, Environment env) {
        return new DecisionWaiter(String.join(",", kafka.getBootstrapServers()), KafkaClientSecurity.from(env::getProperty));
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
