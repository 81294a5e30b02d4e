package com.myagents.http.app;

import static com.myagents.http.app.ExcludedAutoConfigurations.KAFKA;
import static com.myagents.http.app.ExcludedAutoConfigurations.KAFKA_METRICS;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * A myagents service with a database: scans its own package for components and
 * {@code @ConfigurationProperties} records, has the one {@link java.time.Clock} bean, and none of
 * Spring's Kafka auto-configuration (see {@link ExcludedAutoConfigurations}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootApplication(excludeName = {KAFKA, KAFKA_METRICS})
@ConfigurationPropertiesScan
@Import(ServiceClock.class)
public @interface ServiceApplication {
}
