package com.myagents.plant;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.app.ServiceApplication;
import com.myagents.http.problem.ProblemErrorsConfiguration;

/**
 * Plant's store: migrates schema {@code plant}, relays the outbox to Kafka and materializes the
 * streams' outputs into PostgreSQL.
 */
@ServiceApplication
@Import(ProblemErrorsConfiguration.class)
public class PlantStoreApplication {

    public static final String APP_NAME = "plant-store";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PlantStoreApplication.class)
                .properties("spring.config.name=" + APP_NAME, "spring.jmx.enabled=false");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
