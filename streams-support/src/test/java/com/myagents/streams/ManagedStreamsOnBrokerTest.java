package com.myagents.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.myagents.contracts.Topics;
import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.testsupport.SharedTestInfra;

/**
 * The managed lifecycle on a real broker: topics provisioned, started, healthy, its metrics bound,
 * stopped; and a fail-closed app that meets a record it cannot process stops for good.
 */
class ManagedStreamsOnBrokerTest {

    private static String bootstrap;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String input = "streams-support-input-" + run;
    private ManagedStreams streams;

    @BeforeAll
    static void broker() {
        bootstrap = SharedTestInfra.kafkaBootstrapServers();
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.stop();
        }
    }

    @Test
    void startsOnProvisionedTopicsReportsReadyAndStopsCleanly() throws Exception {
        createInput();
        streams = managed(DeadThreadPolicy.BOUNDED_REPLACEMENT, ManagedStreams.Exit.leaveGroup(Duration.ofSeconds(10)), value -> {
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        streams.bindMetricsTo(registry);

        assertThat(StreamsHealth.readiness(streams).health().getStatus()).isEqualTo(Status.DOWN);
        streams.start();
        streams.start(); // a second start is a no-op, not a second client

        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        var ready = StreamsHealth.readiness(streams).health();
        assertThat(ready.getStatus()).isEqualTo(Status.UP);
        assertThat(ready.getDetails()).containsEntry("state", "RUNNING");
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.activeTaskCount() > 0);
        assertThat(StreamsHealth.liveness(streams).health().getStatus()).isEqualTo(Status.UP);
        assertThat(registry.getMeters()).as("Kafka Streams' own metrics").isNotEmpty();
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).as("the registry's topics exist")
                    .contains(Topics.EXECUTION_REQUESTS.name(), Topics.GOAL_TRIGGERS.name());
        }

        streams.stop();

        assertThat(streams.isRunning()).isFalse();
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThat(streams.activeTaskCount()).isZero();
        assertThat(StreamsHealth.liveness(streams).health().getStatus()).isEqualTo(Status.DOWN);
        streams.stop(); // stopping a stopped app changes nothing
    }

    @Test
    void aFailClosedAppStopsForGoodOnARecordItCannotProcess() throws Exception {
        createInput();
        streams = managed(DeadThreadPolicy.FAIL_CLOSED, ManagedStreams.Exit.stayInGroup(Duration.ofSeconds(10)), value -> {
            if (value.equals("poison")) {
                throw new IllegalStateException("a bug met a record");
            }
        });
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(input, "k", "poison")).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.ERROR);
        assertThat(streams.isRunning()).as("still to be closed by the context").isTrue();
        assertThat(StreamsHealth.readiness(streams).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(StreamsHealth.liveness(streams).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(streams.deadThreadPolicy()).isEqualTo(DeadThreadPolicy.FAIL_CLOSED);
    }

    private ManagedStreams managed(DeadThreadPolicy policy, ManagedStreams.Exit exit,
            java.util.function.Consumer<String> processing) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String())).foreach((key, value) -> processing.accept(value));
        Topology topology = builder.build();
        Path stateDir = Files.createTempDirectory("streams-support-");
        Properties config = StreamsDefaults.forApplication("streams-support-" + run, bootstrap)
                .stateDir(stateDir)
                .commitInterval(Duration.ofMillis(50))
                .streamThreads(1)
                .properties();
        return new ManagedStreams("streams-support-test", topology, config,
                new ManagedStreams.TopicProvisioning(bootstrap, KafkaClientSecurity.none(), (short) 1), policy, exit);
    }

    private void createInput() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(input, 1, (short) 1))).all().get();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
