package com.myagents.enforcement;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.problem.ProblemErrorsConfiguration;

/**
 * The enforcement stream application: no database and no Spring Kafka, so the auto-configuration
 * a sibling app's starters bring along (in the one-JVM launcher) is kept out explicitly.
 */
@SpringBootApplication(scanBasePackages = "com.myagents.enforcement", excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration"})
@Import(ProblemErrorsConfiguration.class)
public class EnforcementApplication {

    public static final String NAME = "enforcement-streams";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(EnforcementApplication.class)
                .properties("spring.config.name=" + NAME, "spring.jmx.enabled=false");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
