package com.myagents.connectors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.app.ServiceApplication;
import com.myagents.http.app.ServiceBuilder;
import com.myagents.http.problem.ProblemErrorsConfiguration;

/**
 * The connectors: the one place where an allowed command becomes an external side effect (a
 * Delta Exchange order, a LinkedIn or X post) or, by default, a labelled dry run. Kafka
 * auto-configuration is excluded by name: the consumer and the transactional producer are built
 * here from the topic registry, and in the local launcher every app shares one classpath.
 */
@ServiceApplication
@Import(ProblemErrorsConfiguration.class)
public class ConnectorsApplication {

    public static final String NAME = "connectors";

    public static SpringApplicationBuilder builder() {
        return ServiceBuilder.of(ConnectorsApplication.class, NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
