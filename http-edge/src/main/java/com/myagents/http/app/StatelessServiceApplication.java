package com.myagents.http.app;

import static com.myagents.http.app.ExcludedAutoConfigurations.DATA_SOURCE;
import static com.myagents.http.app.ExcludedAutoConfigurations.DATA_SOURCE_HEALTH;
import static com.myagents.http.app.ExcludedAutoConfigurations.FLYWAY;
import static com.myagents.http.app.ExcludedAutoConfigurations.JDBC_CLIENT;
import static com.myagents.http.app.ExcludedAutoConfigurations.JDBC_TEMPLATE;
import static com.myagents.http.app.ExcludedAutoConfigurations.JOOQ;
import static com.myagents.http.app.ExcludedAutoConfigurations.KAFKA;
import static com.myagents.http.app.ExcludedAutoConfigurations.KAFKA_METRICS;
import static com.myagents.http.app.ExcludedAutoConfigurations.TRANSACTIONS;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * A myagents service without a database (the gateway, the stream apps): like
 * {@link ServiceApplication}, and no DataSource, Flyway or jOOQ either.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootApplication(excludeName = {KAFKA, KAFKA_METRICS, DATA_SOURCE, TRANSACTIONS, JDBC_TEMPLATE, JDBC_CLIENT,
        DATA_SOURCE_HEALTH, FLYWAY, JOOQ})
@ConfigurationPropertiesScan
@Import(ServiceClock.class)
public @interface StatelessServiceApplication {
}
