package com.myagents.gateway;

import org.springframework.boot.builder.SpringApplicationBuilder;

import com.myagents.http.app.StatelessServiceApplication;

/**
 * Plant's one entry: authenticates CP/PP service calls, limits each principal's rate, records
 * every access, and passes the verified identity to ingest-api in a form ingest-api verifies.
 * It keeps no data, so it excludes every persistence and messaging auto-configuration that a
 * sibling app's starter could bring onto a shared classpath.
 */
@StatelessServiceApplication
public class GatewayApplication {

    public static final int DEFAULT_PORT = 8090;

    /**
     * The app with its defaults as default properties. The port is one of them rather than a line
     * in gateway.yml, so both {@code builder().properties("server.port=...")} and arguments override it.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=gateway", "spring.jmx.enabled=false", "server.port=" + DEFAULT_PORT);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
