package com.myagents.pp.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/** Adds the demo seed migrations only when the embedded default asks for demo data. */
@Component
public class DemoOperators implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/pp-demo";

    private final boolean enabled;

    public DemoOperators(@Value("${myagents.demo-data:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (!enabled) {
            return;
        }
        List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
        locations.add(new Location(LOCATION));
        configuration.locations(locations.toArray(Location[]::new));
    }
}
