package com.myagents.contracts.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How every Kafka client of the system (producers, consumers, Kafka Streams, admin) proves who
 * it is: SASL/SCRAM-SHA-512 with the service's own principal, or nothing when no username is
 * configured (a broker without authentication, as module tests run it).
 *
 * <p>Read from {@value #USERNAME_PROPERTY} / {@value #PASSWORD_PROPERTY} (in Spring also
 * {@code MYAGENTS_KAFKA_USERNAME} / {@code MYAGENTS_KAFKA_PASSWORD}); the launcher sets them per service.
 */
public record KafkaClientSecurity(String username, String password) {

    public static final String USERNAME_PROPERTY = "myagents.kafka.username";
    public static final String PASSWORD_PROPERTY = "myagents.kafka.password";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final KafkaClientSecurity NONE = new KafkaClientSecurity(null, null);

    public KafkaClientSecurity {
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (username != null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("Kafka user " + username + " has no password (" + PASSWORD_PROPERTY + ")");
        }
        if (username != null && (username.contains("\"") || password.contains("\""))) {
            throw new IllegalArgumentException("Kafka username and password cannot contain a double quote");
        }
    }

    /** No authentication: for a broker that has none. */
    public static KafkaClientSecurity none() {
        return NONE;
    }

    public static KafkaClientSecurity scram(String username, String password) {
        return new KafkaClientSecurity(username, password);
    }

    /** From a property lookup (e.g. Spring's {@code env::getProperty}); no username means none. */
    public static KafkaClientSecurity from(UnaryOperator<String> properties) {
        String username = properties.apply(USERNAME_PROPERTY);
        if (username == null || username.isBlank()) {
            return NONE;
        }
        return scram(username.strip(), properties.apply(PASSWORD_PROPERTY));
    }

    public boolean enabled() {
        return username != null;
    }

    /** The client settings to add to any Kafka client's configuration; empty when none. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        if (enabled()) {
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
            config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"" + username + "\" password=\"" + password + "\";");
        }
        return config;
    }

    /** {@code config} with these settings added (a new map; {@code config} is not changed). */
    public Map<String, Object> applyTo(Map<String, ?> config) {
        Map<String, Object> secured = new LinkedHashMap<>(config);
        secured.putAll(clientConfig());
        return secured;
    }

    /** {@code properties} with these settings added, in place, for Kafka Streams. */
    public Properties applyTo(Properties properties) {
        properties.putAll(clientConfig());
        return properties;
    }

    /** Never the password: this record ends up in logs and exception messages. */
    @Override
    public String toString() {
        return enabled() ? "KafkaClientSecurity[SASL " + MECHANISM + " as " + username + "]" : "KafkaClientSecurity[none]";
    }
}
