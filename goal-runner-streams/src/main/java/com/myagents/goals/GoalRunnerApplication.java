package com.myagents.goals;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.problem.ProblemErrorsConfiguration;

/**
 * The goal-runner stream application: schedules due goals into goal triggers and turns triggers
 * into deliverable drafts. No database and no Spring Kafka, so the auto-configuration a sibling
 * app's starters bring along (in the one-JVM launcher) is kept out explicitly.
 */
@SpringBootApplication(scanBasePackages = "com.myagents.goals", excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration"})
@Import(ProblemErrorsConfiguration.class)
public class GoalRunnerApplication {

    public static final String NAME = "goal-runner-streams";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GoalRunnerApplication.class)
                .properties("spring.config.name=" + NAME, "spring.jmx.enabled=false");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
