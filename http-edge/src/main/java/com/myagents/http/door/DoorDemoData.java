package com.myagents.http.door;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Adds the door's demo seed migrations ({@code classpath:db/<door>-demo}: the demo customers or
 * operators) only when the embedded default asks for demo data ({@code myagents.demo-data}).
 */
public class DoorDemoData implements FlywayConfigurationCustomizer {

    private final String location;
    private final boolean enabled;

    public DoorDemoData(Door door, boolean enabled) {
        this.location = "classpath:db/" + door.name() + "-demo";
        this.enabled = enabled;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (!enabled) {
            return;
        }
        List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
        locations.add(new Location(location));
        configuration.locations(locations.toArray(Location[]::new));
    }
}
