package com.myagents.enforcement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.app.StatelessServiceApplication;
import com.myagents.http.problem.ProblemErrorsConfiguration;

/** The enforcement stream application: no database, and Kafka clients of its own (streams-support). */
@StatelessServiceApplication
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
