package com.myagents.ingest.ops;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The customer directory's filter: Plant learns customers' emails from their verified identity. */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    /** After the identity filter ({@code HIGHEST_PRECEDENCE + 10}), which leaves the verified principal. */
    static final int DIRECTORY_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<CustomerDirectoryFilter> customerDirectoryFilter(CustomerDirectory directory) {
        var registration = new FilterRegistrationBean<>(new CustomerDirectoryFilter(directory));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(DIRECTORY_FILTER_ORDER);
        return registration;
    }
}
