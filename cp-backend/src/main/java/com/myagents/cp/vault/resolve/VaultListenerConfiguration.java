package com.myagents.cp.vault.resolve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.cp.vault.VaultProperties;

/** The vault's internal listener and the filter that keeps the resolve endpoint on it alone. */
@Configuration(proxyBeanMethods = false)
public class VaultListenerConfiguration {

    @Bean
    public VaultListener vaultListener(VaultProperties vault) {
        return new VaultListener(vault.internalPort());
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> vaultConnector(VaultListener listener) {
        return factory -> factory.addAdditionalConnectors(listener.connector());
    }

    @Bean
    public FilterRegistrationBean<VaultListenerFilter> vaultListenerFilter(VaultListener listener) {
        FilterRegistrationBean<VaultListenerFilter> registration =
                new FilterRegistrationBean<>(new VaultListenerFilter(listener));
        registration.setOrder(VaultListenerFilter.ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
