package com.myagents.http.door;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What CP and PP share as doors, built from the app's {@link Door} bean: the way to the gateway,
 * the paths it never proxies, the packaged app with its client-side routes, sign-in
 * ({@link DoorAuthConfiguration}) and the login meters. Each door {@code @Import}s it.
 */
@Configuration(proxyBeanMethods = false)
@Import({GatewayForwarding.class, SinglePageUi.class, DoorAuthConfiguration.class})
public class DoorConfiguration {

    @Bean
    public ProxiedPath proxiedPath(Door door) {
        return new ProxiedPath(door);
    }

    @Bean
    public LoginMeters loginMeters(Door door, ObjectProvider<MeterRegistry> meters) {
        return new LoginMeters(door, meters);
    }
}
