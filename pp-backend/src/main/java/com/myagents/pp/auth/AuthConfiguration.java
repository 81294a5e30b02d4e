package com.myagents.pp.auth;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.http.EdgeProperties;
import com.myagents.http.identity.BcryptPasswords;
import com.myagents.http.identity.BearerAuthenticationFilter;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;
import com.myagents.http.ratelimit.TokenBucketLimiter;
import com.myagents.http.throttle.DoorRateLimitFilter;
import com.myagents.http.throttle.LoginThrottle;

@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    public OperatorTokens operatorTokens(TokenProperties properties) {
        return new OperatorTokens(keyOf(properties), properties.ttl());
    }

    @Bean
    public LoginThrottle loginThrottle() {
        return LoginThrottle.defaults();
    }

    /** The door's own endpoints are limited per operator (per address for login), like the gateway limits proxied calls. */
    @Bean
    public FilterRegistrationBean<DoorRateLimitFilter> doorRateLimitFilter(EdgeProperties edge) {
        FilterRegistrationBean<DoorRateLimitFilter> registration = new FilterRegistrationBean<>(
                new DoorRateLimitFilter("/api/pp",
                        new TokenBucketLimiter(edge.rateLimit().requestsPerSecond(), edge.rateLimit().burst())));
        registration.setOrder(DoorRateLimitFilter.ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    public FilterRegistrationBean<BearerAuthenticationFilter> operatorAuthenticationFilter(OperatorTokens tokens) {
        FilterRegistrationBean<BearerAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new BearerAuthenticationFilter("/api/pp", "/api/pp/auth/login",
                        tokens::verify, Principal.Kind.OPERATOR));
        registration.setOrder(BearerAuthenticationFilter.ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** bcrypt of the door's accounts; one instance, its decoy hash made once. */
    @Bean
    public BcryptPasswords bcryptPasswords() {
        return new BcryptPasswords();
    }

    private static byte[] keyOf(TokenProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return Keys.decode(properties.key().strip());
        }
        log.warn("myagents.tokens.key is not set: operator tokens are signed with a key made for this run "
                + "and stop working when it ends");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
