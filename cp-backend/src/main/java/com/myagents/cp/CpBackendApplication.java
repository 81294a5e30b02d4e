package com.myagents.cp;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.app.ServiceApplication;
import com.myagents.http.EdgeConfiguration;
import com.myagents.http.body.JsonBodiesConfiguration;

/**
 * The customers' single door: login, the proxy to the gateway and the CP UI. The auto-configurations
 * it turns off are the services' one shared list ({@link ServiceApplication}).
 */
@ServiceApplication
@Import({EdgeConfiguration.class, JsonBodiesConfiguration.class})
public class CpBackendApplication {

    public static final String NAME = "cp-backend";

    /** Settings given here are defaults: the command line, the environment and cp-backend.yml win. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CpBackendApplication.class)
                .properties("spring.config.name=" + NAME, "spring.jmx.enabled=false");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
