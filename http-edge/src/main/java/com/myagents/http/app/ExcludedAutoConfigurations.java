package com.myagents.http.app;

/**
 * The Spring Boot auto-configurations a service turns off, named once. Every service builds its own
 * Kafka clients with its own principal (least privilege), so Spring's Kafka auto-configuration
 * must never add an anonymous template or admin; a service without a database must not get a
 * DataSource (or Flyway, or jOOQ) because the embedded runtime's classes are on its classpath.
 */
final class ExcludedAutoConfigurations {

    static final String KAFKA = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration";
    static final String KAFKA_METRICS = "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration";

    static final String DATA_SOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";
    static final String TRANSACTIONS = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration";
    static final String JDBC_TEMPLATE = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration";
    static final String JDBC_CLIENT = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration";
    static final String DATA_SOURCE_HEALTH = "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration";
    static final String FLYWAY = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";
    static final String JOOQ = "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration";

    private ExcludedAutoConfigurations() {
    }
}
