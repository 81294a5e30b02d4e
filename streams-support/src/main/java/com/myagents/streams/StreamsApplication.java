package com.myagents.streams;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * How each stream app starts: from its own configuration file ({@code <name>.yml}, so two apps in one
 * launcher JVM never read each other's), and without JMX (one JVM may hold several apps).
 */
public final class StreamsApplication {

    private StreamsApplication() {
    }

    public static SpringApplicationBuilder builder(Class<?> application, String name) {
        return new SpringApplicationBuilder(application).properties("spring.config.name=" + name, "spring.jmx.enabled=false");
    }
}
