package com.myagents.http;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.http.correlation.CorrelationIdFilter;
import com.myagents.http.problem.ProblemAdvice;
import com.myagents.http.problem.ProblemErrorController;
import com.myagents.http.problem.ProblemErrorReportValve;

/**
 * What every HTTP app of the project {@code @Import}s: correlation ids on every request (Boot
 * registers the filter bean for all paths, first in the chain) and problem+json for every error,
 * also those the container reports through {@code /error}.
 */
@Configuration(proxyBeanMethods = false)
public class EdgeConfiguration {

    /** {@code myagents.edge.door=true} (the doors) mints every correlation id; other services keep the caller's. */
    @Bean
    public CorrelationIdFilter correlationIdFilter(@Value("${myagents.edge.door:false}") boolean door) {
        return door ? CorrelationIdFilter.atDoor() : new CorrelationIdFilter();
    }

    @Bean
    public ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    /** Container-level refusals (before any servlet) answer problem+json too. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Also makes Boot's own error controller step aside (it is conditional on there being none). */
    @Bean
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }
}
