package com.myagents.contracts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void withoutAUsernameClientsStayAnonymousAndTheirSettingsUntouched() {
        KafkaClientSecurity none = KafkaClientSecurity.from(Map.of("myagents.kafka.password", "ignored")::get);

        assertThat(none.enabled()).isFalse();
        assertThat(none.clientConfig()).isEmpty();
        assertThat(none.applyTo(Map.of("bootstrap.servers", "b:9092"))).containsExactly(Map.entry("bootstrap.servers", "b:9092"));
        assertThat(KafkaClientSecurity.from(Map.of("myagents.kafka.username", " ")::get)).isEqualTo(KafkaClientSecurity.none());
    }

    @Test
    void aUsernameMeansScramSha512OverSaslForEveryKindOfClient() {
        KafkaClientSecurity security = KafkaClientSecurity.from(
                Map.of("myagents.kafka.username", "connectors", "myagents.kafka.password", "p4ss")::get);

        Map<String, Object> config = security.applyTo(Map.of("bootstrap.servers", "b:9092"));
        assertThat(config).containsEntry("bootstrap.servers", "b:9092")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"connectors\" password=\"p4ss\";");
        Properties streams = security.applyTo(new Properties());
        assertThat(streams).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void theToStringNeverShowsThePassword() {
        assertThat(KafkaClientSecurity.scram("gateway", "very-secret").toString()).contains("gateway").doesNotContain("very-secret");
        assertThat(KafkaClientSecurity.none().toString()).contains("none");
    }

    @Test
    void aUserWithoutPasswordOrWithAQuoteIsRefused() {
        assertThatThrownBy(() -> KafkaClientSecurity.scram("gateway", "")).hasMessageContaining("myagents.kafka.password");
        assertThatThrownBy(() -> KafkaClientSecurity.scram("gateway", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaClientSecurity.scram("gate\"way", "x")).hasMessageContaining("double quote");
    }
}
