package com.myagents.ingest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.app.ServiceApplication;
import com.myagents.http.EdgeConfiguration;
import com.myagents.http.body.JsonBodiesConfiguration;
import com.myagents.plant.outbox.OutboxConfiguration;

/** Plant's HTTP API: commands become rows plus outbox events in one transaction; queries read rows. */
@ServiceApplication
@Import({EdgeConfiguration.class, JsonBodiesConfiguration.class, OutboxConfiguration.class})
public class IngestApiApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestApiApplication.class)
                .properties("spring.config.name=ingest-api", "spring.jmx.enabled=false");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
