package com.myagents.enforcement.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.env.MockEnvironment;

import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.enforcement.topology.EnforcementSettings;
import com.myagents.streams.DeadThreadPolicy;
import com.myagents.streams.ManagedStreams;
import com.myagents.streams.StreamsProbes;
import com.myagents.streams.StoreKind;

class EnforcementStreamsConfigTest {

    @Test
    void runsExactlyOnceWithFastCommitsUnderTheDataDirectoryByDefault() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "broker:9092")
                .withProperty("myagents.enforcement.instance-id", "enforcement-a");

        EnforcementStreamsConfig config = EnforcementStreamsConfig.from(env);
        Properties props = config.properties();

        assertThat(props).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "myagents-enforcement")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "20")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1")
                .containsEntry("producer.acks", "all")
                .containsEntry("producer.linger.ms", "5")
                .containsEntry("producer.batch.size", "262144")
                .containsEntry("main.consumer.group.instance.id", "enforcement-a")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        LogAndContinueExceptionHandler.class.getName())
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG,
                        Path.of(".myagents-data/streams/enforcement").toAbsolutePath().normalize().toString());
        assertThat(config.stores()).isEqualTo(StoreKind.PERSISTENT);
    }

    @Test
    void everyClientOfTheAppLogsInAsTheConfiguredPrincipal() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "broker:9092")
                .withProperty("myagents.enforcement.instance-id", "enforcement-a")
                .withProperty("myagents.kafka.username", "enforcement")
                .withProperty("myagents.kafka.password", "secret");

        EnforcementStreamsConfig config = EnforcementStreamsConfig.from(env);

        assertThat(config.security().username()).isEqualTo("enforcement");
        assertThat(config.properties()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(new EnforcementStreamsConfig("b:9092", Path.of("s"), Duration.ofMillis(20), (short) 1,
                StoreKind.IN_MEMORY, null, java.util.Map.of()).properties()).doesNotContainKey("security.protocol");
    }

    @Test
    void passesFurtherStreamsSettingsThroughButNeverTheGuarantee() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "broker:9092")
                .withProperty("myagents.enforcement.instance-id", "enforcement-a")
                .withProperty("myagents.enforcement.streams[producer.max.block.ms]", "5000")
                .withProperty("myagents.enforcement.streams[producer.linger.ms]", "20")
                .withProperty("myagents.enforcement.streams.task.timeout.ms", "60000")
                .withProperty("myagents.enforcement.streams[processing.guarantee]", "at_least_once");

        Properties props = EnforcementStreamsConfig.from(env).properties();

        assertThat(props).containsEntry("producer.max.block.ms", "5000")
                .containsEntry("producer.linger.ms", "20")
                .containsEntry(StreamsConfig.TASK_TIMEOUT_MS_CONFIG, "60000")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
    }

    @Test
    void takesOverridesFromTheEnvironment() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.kafka.bootstrap-servers", "a:1,b:2")
                .withProperty("myagents.data-dir", "/var/lib/myagents")
                .withProperty("myagents.enforcement.commit-interval-ms", "100")
                .withProperty("myagents.enforcement.replication-factor", "3")
                .withProperty("myagents.enforcement.stores", "IN_MEMORY")
                .withProperty("myagents.enforcement.instance-id", "enforcement-b");

        EnforcementStreamsConfig config = EnforcementStreamsConfig.from(env);

        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/myagents/streams/enforcement"));
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.properties()).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, "3")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "a:1,b:2");
        assertThat(config.stores()).isEqualTo(StoreKind.IN_MEMORY);
    }

    @Test
    void keepsItsStaticGroupMembershipIdInTheStateDirectory(@TempDir Path dataDir) {
        MockEnvironment env = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "broker:9092")
                .withProperty("myagents.data-dir", dataDir.toString());

        String first = EnforcementStreamsConfig.from(env).instanceId();
        String afterRestart = EnforcementStreamsConfig.from(env).instanceId();
        String elsewhere = EnforcementStreamsConfig.from(new MockEnvironment()
                .withProperty("spring.kafka.bootstrap-servers", "broker:9092")
                .withProperty("myagents.data-dir", dataDir.resolve("other").toString())).instanceId();

        assertThat(first).startsWith("enforcement-").isEqualTo(afterRestart).isNotEqualTo(elsewhere);
        assertThat(dataDir.resolve("streams/enforcement/instance-id")).hasContent(first);
    }

    @Test
    void needsABroker() {
        assertThatThrownBy(() -> EnforcementStreamsConfig.from(new MockEnvironment()))
                .hasMessageContaining("spring.kafka.bootstrap-servers");
    }

    @Test
    void refusesToForgetRequestsTheRelayCouldStillRedeliver() {
        CommandSigner signer = new CommandSigner(new byte[32]);
        assertThatThrownBy(() -> new EnforcementSettings(signer, StoreKind.IN_MEMORY, Duration.ofDays(1), Duration.ofHours(1), Duration.ZERO))
                .hasMessageContaining("at least as long");
    }

    @Test
    void reportsDownWhileStreamsAreNotRunning() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "broker:9092")
                .withProperty("myagents.enforcement.instance-id", "enforcement-a");
        EnforcementStreamsConfig config = EnforcementStreamsConfig.from(env);
        ManagedStreams streams = new EnforcementWiring().enforcementStreams(config, new CommandSigner(new byte[32]));

        var health = new StreamsProbes().streamsHealthIndicator(streams).health();

        assertThat(streams.isRunning()).isFalse();
        assertThat(streams.deadThreadPolicy()).as("enforcement fails closed").isEqualTo(DeadThreadPolicy.FAIL_CLOSED);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "NOT_RUNNING");
        // stopped for good is not alive either: an orchestrator restarts it
        assertThat(new StreamsProbes().streamsAliveHealthIndicator(streams).health().getStatus())
                .isEqualTo(Status.DOWN);
    }
}
