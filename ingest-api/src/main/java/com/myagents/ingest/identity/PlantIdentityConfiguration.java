package com.myagents.ingest.identity;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.PlantIdentityFilter;

/**
 * Every /api/v1 call must carry the identity the gateway signed; nothing else is trusted. The OpenAPI
 * description ({@code /v3/api-docs}) needs the same service credential: only health is open.
 */
@Configuration
class PlantIdentityConfiguration {

    @Bean
    FilterRegistrationBean<PlantIdentityFilter> plantIdentityFilter(PlantIdentityProperties plant) {
        var verifier = new IdentityTokens(Hops.GATEWAY_ISSUER, Keys.decode(plant.identityKey()));
        var registration = new FilterRegistrationBean<>(new PlantIdentityFilter(verifier));
        registration.addUrlPatterns("/api/v1/*", "/v3/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
