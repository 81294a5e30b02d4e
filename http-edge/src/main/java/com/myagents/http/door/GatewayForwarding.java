package com.myagents.http.door;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.http.forwarding.Forwarder;
import com.myagents.http.identity.Keys;

/** A door's way to the gateway: the forwarder, the service assertions it signs with, and the two together. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayForwarding {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    /**
     * HTTP/1.1 with kept-alive connections: the gateway speaks nothing else, so offering an h2c
     * upgrade on every new connection would only cost headers and a refusal.
     */
    @Bean
    public Forwarder gatewayForwarder(GatewayProperties gateway) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new Forwarder(client, gateway.url(), gateway.timeout());
    }

    /** No service key, no door: a constant or made-up key would only fail later, at the gateway. */
    @Bean
    public ServiceAssertions serviceAssertions(GatewayProperties gateway, Door door) {
        if (gateway.serviceKey() == null || gateway.serviceKey().isBlank()) {
            throw new IllegalStateException("myagents.gateway.service-key (base64, >= 32 bytes, shared with the "
                    + "gateway) is required");
        }
        return new ServiceAssertions(door.issuer(), Keys.decode(gateway.serviceKey().strip()));
    }

    @Bean
    public GatewayOnBehalf gatewayOnBehalf(Forwarder gatewayForwarder, ServiceAssertions serviceAssertions) {
        return new GatewayOnBehalf(gatewayForwarder, serviceAssertions);
    }
}
