package com.myagents.http.app;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * How a service's Spring application is built, alone or in the launcher's one JVM: it reads its own
 * {@code <name>.yml} (so that eight services on one classpath do not read each other's settings) and
 * registers no JMX beans (eight contexts would clash over the same names). Settings given here are
 * defaults: the command line, the environment and the service's yml win.
 */
public final class ServiceBuilder {

    private ServiceBuilder() {
    }

    public static SpringApplicationBuilder of(Class<?> application, String name) {
        return new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + name, "spring.jmx.enabled=false");
    }
}
