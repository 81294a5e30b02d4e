package com.myagents.http;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.problem.ProblemAdvice;
import com.myagents.http.problem.ProblemErrorsConfiguration;

/**
 * What every HTTP app of the project {@code @Import}s: correlation ids on every request (Boot
 * registers the filter bean for all paths, first in the chain) and problem+json for every error,
 * also those the container reports through {@code /error}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemErrorsConfiguration.class)
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeConfiguration {

    /** {@code myagents.edge.door=true} (the doors) mints every correlation id; other services keep the caller's. */
    @Bean
    public CorrelationIdFilter correlationIdFilter(EdgeProperties edge) {
        return edge.door() ? CorrelationIdFilter.atDoor() : new CorrelationIdFilter();
    }

    @Bean
    public ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }
}
