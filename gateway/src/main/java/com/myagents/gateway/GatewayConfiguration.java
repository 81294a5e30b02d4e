package com.myagents.gateway;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.myagents.gateway.access.AccessJournal;
import com.myagents.gateway.access.AccessLogFilter;
import com.myagents.gateway.access.LoggedAccessJournal;
import com.myagents.gateway.auth.ServiceAssertionFilter;
import com.myagents.gateway.auth.ServiceClients;
import com.myagents.gateway.proxy.PlantTimings;
import com.myagents.http.EdgeConfiguration;
import com.myagents.http.forwarding.Forwarder;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;

/**
 * The gateway's chain, in order: correlation id, access record, service assertion, rate limit,
 * then the proxy (the rate limit's beans are in {@code ratelimit.RateLimitConfiguration}). Boot registers
 * each filter bean for every path; each filter picks its paths.
 */
@Configuration(proxyBeanMethods = false)
@Import(EdgeConfiguration.class)
public class GatewayConfiguration {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    public ServiceClients serviceClients(GatewayProperties properties) {
        return ServiceClients.from(properties.clients());
    }

    @Bean
    public IdentityTokens plantIdentityTokens(GatewayProperties properties) {
        try {
            return new IdentityTokens(Hops.GATEWAY_ISSUER, Keys.decode(properties.plantIdentityKey()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("myagents.gateway.plant-identity-key: " + e.getMessage(), e);
        }
    }

    /** Refuses to start with an upstream timeout that ends before ingest-api's decision wait (see {@link PlantTimings}). */
    @Bean
    public PlantTimings plantTimings(GatewayProperties properties,
            @Value("${myagents.gateway.plant-decision-wait:${myagents.execute.decision-wait:5s}}") Duration plantDecisionWait) {
        return new PlantTimings(properties.upstreamTimeout(), plantDecisionWait);
    }

    @Bean
    public Forwarder plantForwarder(GatewayProperties properties, PlantTimings timings) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new Forwarder(client, properties.plantUrl(), timings.upstreamTimeout(), properties.maxBodyBytes());
    }

    @Bean
    @ConditionalOnMissingBean
    public AccessJournal accessJournal() {
        return new LoggedAccessJournal();
    }

    @Bean
    public AccessLogFilter accessLogFilter(AccessJournal journal, Clock clock) {
        return new AccessLogFilter(journal, clock);
    }

    @Bean
    public ServiceAssertionFilter serviceAssertionFilter(ServiceClients clients) {
        return new ServiceAssertionFilter(clients);
    }
}
