package com.myagents.connectors.command;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.transaction.KafkaTransactionManager;

import com.myagents.contracts.Topics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads execution commands (only what enforcement committed) and publishes what each one came to
 * in a Kafka transaction together with the command's offset, so a result is published once per
 * command delivery and the offset never moves past a command whose result is not out: a Spring
 * Kafka listener container of its own (built here from the connectors' client config and
 * principal) with a {@link KafkaTransactionManager}. A command that cannot be finished now is
 * retried with exponential back-off by a {@link DefaultAfterRollbackProcessor}; after
 * {@code max-attempts} it fails for good as a failed result (a domain outcome the customer and PP
 * see, so no dead-letter topic). The external action itself is made at most once by the
 * idempotency records, not by Kafka.
 */
public class CommandConsumer implements SmartLifecycle {

    private final CommandStats stats = new CommandStats();
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaMessageListenerContainer<String, byte[]> container;

    /** @param clientConfig at least {@code bootstrap.servers}; applied to the consumer and the producer */
    public CommandConsumer(CommandHandler handler, Map<String, Object> clientConfig, String groupId, int maxAttempts,
            Duration backoffInitial, Duration backoffMax) {
        this.producers = new DefaultKafkaProducerFactory<>(producerConfig(clientConfig));
        producers.setTransactionIdPrefix(groupId + "-" + UUID.randomUUID() + "-");
        KafkaTemplate<String, byte[]> results = new KafkaTemplate<>(producers);
        CommandListener listener = new CommandListener(handler, results, stats);

        ContainerProperties properties = new ContainerProperties(Topics.EXECUTION_COMMANDS.name());
        properties.setKafkaAwareTransactionManager(new KafkaTransactionManager<>(producers));
        properties.setMessageListener(listener);
        properties.setPollTimeout(200);
        properties.setShutdownTimeout(Duration.ofSeconds(30).toMillis());
        this.container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(consumerConfig(clientConfig, groupId)), properties);
        container.setBeanName("connectors-commands");
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, maxAttempts - 1));
        backOff.setInitialInterval(backoffInitial.toMillis());
        backOff.setMaxInterval(backoffMax.toMillis());
        backOff.setMultiplier(2);
        // the given-up result and the command's offset go out in one transaction of their own
        container.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(listener::giveUp, backOff, results, true));
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
        producers.reset();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    /** Commands whose outcome has been published (redeliveries included). */
    public long handledCount() {
        return stats.handled();
    }

    public Health health() {
        return stats.health(container.isRunning());
    }

    /** Connector results by platform and outcome go to this registry from now on. */
    public void countInto(MeterRegistry meterRegistry) {
        stats.countInto(meterRegistry);
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig, String groupId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "connectors-commands");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // one platform call can take a while; a batch must finish before the group gives up on us
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private static Map<String, Object> producerConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "connectors-results");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
