package com.myagents.pp;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.app.ServiceApplication;
import com.myagents.http.EdgeConfiguration;
import com.myagents.http.body.JsonBodiesConfiguration;

/**
 * The operators' single door: login with roles, the audited proxy to the gateway and the PP UI. The
 * auto-configurations it turns off are the services' one shared list ({@link ServiceApplication}).
 */
@ServiceApplication
@Import({EdgeConfiguration.class, JsonBodiesConfiguration.class})
public class PpBackendApplication {

    public static final String NAME = "pp-backend";

    /** Settings given here are defaults: the command line, the environment and pp-backend.yml win. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PpBackendApplication.class)
                .properties("spring.config.name=" + NAME, "spring.jmx.enabled=false");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
