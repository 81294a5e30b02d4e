package com.myagents.cp.auth;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.http.identity.Keys;

@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    public CustomerTokens customerTokens(TokenProperties properties) {
        return new CustomerTokens(keyOf(properties), properties.ttl());
    }

    @Bean
    public FilterRegistrationBean<CustomerAuthenticationFilter> customerAuthenticationFilter(CustomerTokens tokens) {
        FilterRegistrationBean<CustomerAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new CustomerAuthenticationFilter(tokens));
        registration.setOrder(CustomerAuthenticationFilter.ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static byte[] keyOf(TokenProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return Keys.decode(properties.key().strip());
        }
        log.warn("myagents.tokens.key is not set: customer tokens are signed with a key made for this run "
                + "and stop working when it ends");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
