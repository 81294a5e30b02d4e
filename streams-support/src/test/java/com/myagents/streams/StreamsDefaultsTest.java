package com.myagents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.Test;

import com.myagents.contracts.security.KafkaClientSecurity;

class StreamsDefaultsTest {

    @Test
    void runsExactlyOnceWithAllAcksAndSkipsUnreadableRecords() {
        Properties props = StreamsDefaults.forApplication("app", "broker:9092")
                .stateDir(Path.of("state/./app"))
                .commitInterval(Duration.ofMillis(20))
                .replicationFactor(3)
                .properties();

        assertThat(props).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "app")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "20")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, "3")
                .containsEntry("producer.acks", "all")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        LogAndContinueExceptionHandler.class.getName())
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, Path.of("state/app").toAbsolutePath().toString())
                .doesNotContainKey("security.protocol")
                .doesNotContainKey("main.consumer.group.instance.id")
                .doesNotContainKey(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
    }

    @Test
    void passesFurtherSettingsThroughButNeverOverTheGuaranteeOrAPinnedSetting() {
        Properties props = StreamsDefaults.forApplication("app", "broker:9092")
                .streamThreads(1)
                .pin("consumer.auto.offset.reset", "earliest")
                .overrides(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE,
                        StreamsConfig.NUM_STREAM_THREADS_CONFIG, "4",
                        "consumer.auto.offset.reset", "latest",
                        "consumer.session.timeout.ms", "6000"))
                .properties();

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1")
                .containsEntry("consumer.auto.offset.reset", "earliest")
                .containsEntry("consumer.session.timeout.ms", "6000");
    }

    @Test
    void aTunedDefaultHoldsUnlessTheConfigurationChangesIt() {
        StreamsDefaults defaults = StreamsDefaults.forApplication("app", "broker:9092")
                .tune("producer.linger.ms", "5")
                .tune("producer.batch.size", "131072");

        assertThat(defaults.properties()).containsEntry("producer.linger.ms", "5")
                .containsEntry("producer.batch.size", "131072");
        assertThat(defaults.overrides(Map.of("producer.linger.ms", "50")).properties())
                .containsEntry("producer.linger.ms", "50")
                .containsEntry("producer.batch.size", "131072");
    }

    @Test
    void aStaticMemberKeepsItsInstanceIdAndEveryClientLogsInAsThePrincipal() {
        Properties props = StreamsDefaults.forApplication("app", "broker:9092")
                .staticMember("app-a")
                .security(new KafkaClientSecurity("enforcement", "secret"))
                .overrides(null)
                .properties();

        assertThat(props).containsEntry("main.consumer.group.instance.id", "app-a")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(StreamsDefaults.forApplication("app", "b:1").staticMember(null).security(null).properties())
                .doesNotContainKey("main.consumer.group.instance.id")
                .doesNotContainKey("security.protocol");
    }
}
