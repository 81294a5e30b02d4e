package com.myagents.plant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * With {@code myagents.demo-data=true}, Flyway also applies {@value #LOCATION} (demo customers,
 * subscriptions and a draft to review). Its version is numbered high, so out-of-order is allowed:
 * schema versions added later still apply to a database that already has the demo data.
 */
@Component
@ConditionalOnBooleanProperty("myagents.demo-data")
class DemoDataMigrations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/plant-demo";

    @Override
    public void customize(FluentConfiguration configuration) {
        List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
        locations.add(new Location(LOCATION));
        configuration.locations(locations.toArray(Location[]::new)).outOfOrder(true);
    }
}
