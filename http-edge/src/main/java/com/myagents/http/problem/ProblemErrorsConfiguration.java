package com.myagents.http.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * problem+json for every error the container reports, and for {@code /error} itself, in every HTTP
 * service of the project — also those that serve nothing but health (the stream apps, plant-store,
 * connectors), so no port anywhere answers Boot's plain error JSON.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemErrorsConfiguration {

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
