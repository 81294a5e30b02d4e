package com.myagents.gateway.access;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import com.myagents.contracts.security.KafkaClientSecurity;

/**
 * With a Kafka bootstrap ({@code myagents.gateway.access-records.bootstrap-servers}, by default
 * {@code spring.kafka.bootstrap-servers} or {@code KAFKA_BOOTSTRAP_SERVERS}) access records go to
 * their topic (and to the log only when the topic does not get them); without one they are log lines. Primary, so it wins over the log-only default.
 */
@Configuration(proxyBeanMethods = false)
public class AccessRecordsConfiguration {

    @Bean
    @Primary
    @ConditionalOnExpression("!'${myagents.gateway.access-records.bootstrap-servers:}'.isBlank()")
    public KafkaAccessJournal kafkaAccessJournal(AccessRecordsProperties records, Environment env) {
        KafkaClientSecurity security = KafkaClientSecurity.from(env::getProperty);
        return new KafkaAccessJournal(security.applyTo(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                records.bootstrapServers().strip())), records.queueCapacity(), records.linger(),
                new LoggedAccessJournal());
    }
}
