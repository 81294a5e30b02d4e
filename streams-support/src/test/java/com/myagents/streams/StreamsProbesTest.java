package com.myagents.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import com.myagents.contracts.security.KafkaClientSecurity;

/** What every stream app gets from streams-support to start and to be probed: its probes, its start, its broker. */
class StreamsProbesTest {

    private final ManagedStreams notStarted = new ManagedStreams("probes-test", new Topology(),
            StreamsDefaults.forApplication("probes-test", "localhost:1").properties(),
            new ManagedStreams.TopicProvisioning("localhost:1", KafkaClientSecurity.none(), (short) 1),
            DeadThreadPolicy.FAIL_CLOSED, ManagedStreams.Exit.leaveGroup(Duration.ofSeconds(1)));

    @Test
    void streamsThatDoNotRunAreNeitherReadyNorAlive() {
        StreamsProbes probes = new StreamsProbes();

        Health ready = probes.streamsHealthIndicator(notStarted).health();
        Health alive = probes.streamsAliveHealthIndicator(notStarted).health();

        assertThat(ready.getStatus()).isEqualTo(Status.DOWN);
        assertThat(ready.getDetails()).containsEntry("state", "NOT_RUNNING").containsEntry("active_tasks", 0);
        assertThat(alive.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aStreamsAppNeedsTheAddressOfItsBrokers() {
        assertThat(new KafkaBootstrap("broker-1:9092,broker-2:9092").bootstrapServers())
                .isEqualTo("broker-1:9092,broker-2:9092");
        assertThatThrownBy(() -> new KafkaBootstrap(null)).hasMessageContaining("spring.kafka.bootstrap-servers");
        assertThatThrownBy(() -> new KafkaBootstrap(" ")).hasMessageContaining("spring.kafka.bootstrap-servers");
    }

    @Test
    void aStreamsAppReadsItsOwnConfigurationFileAndRunsWithoutJmx() {
        try (ConfigurableApplicationContext app = StreamsApplication.builder(Empty.class, "probes-test-app")
                .web(WebApplicationType.NONE).run()) {
            assertThat(app.getEnvironment().getProperty("spring.config.name")).isEqualTo("probes-test-app");
            assertThat(app.getEnvironment().getProperty("spring.jmx.enabled")).isEqualTo("false");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
