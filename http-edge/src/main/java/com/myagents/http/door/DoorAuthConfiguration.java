package com.myagents.http.door;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.http.EdgeProperties;
import com.myagents.http.identity.BcryptPasswords;
import com.myagents.http.identity.BearerAuthenticationFilter;
import com.myagents.http.ratelimit.TokenBucketLimiter;
import com.myagents.http.throttle.DoorRateLimitFilter;
import com.myagents.http.throttle.LoginThrottle;

/**
 * How people sign in at a door, alike at CP and PP: its bearer tokens, the filter that requires
 * one on everything but login, the login throttle, the door's own rate limit, bcrypt, and the demo
 * accounts when asked for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DoorTokenProperties.class, EdgeProperties.class, DemoDataProperties.class})
public class DoorAuthConfiguration {

    @Bean
    public DoorTokens doorTokens(Door door, DoorTokenProperties properties) {
        return new DoorTokens(door, properties.keyFor(door), properties.ttl());
    }

    @Bean
    public FilterRegistrationBean<BearerAuthenticationFilter> doorAuthenticationFilter(Door door, DoorTokens tokens) {
        FilterRegistrationBean<BearerAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new BearerAuthenticationFilter(door.apiPrefix(), door.loginPath(), tokens::verify, door.people()));
        registration.setOrder(BearerAuthenticationFilter.ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    public LoginThrottle loginThrottle() {
        return LoginThrottle.defaults();
    }

    /** The door's own endpoints are limited per person (per address for login), like the gateway limits proxied calls. */
    @Bean
    public FilterRegistrationBean<DoorRateLimitFilter> doorRateLimitFilter(Door door, EdgeProperties edge) {
        FilterRegistrationBean<DoorRateLimitFilter> registration = new FilterRegistrationBean<>(
                new DoorRateLimitFilter(door.apiPrefix(),
                        new TokenBucketLimiter(edge.rateLimit().requestsPerSecond(), edge.rateLimit().burst())));
        registration.setOrder(DoorRateLimitFilter.ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    public DoorDemoData doorDemoData(Door door, DemoDataProperties demo) {
        return new DoorDemoData(door, demo.demoData());
    }

    /** bcrypt of the door's accounts; one instance, its decoy hash made once. */
    @Bean
    public BcryptPasswords bcryptPasswords() {
        return new BcryptPasswords();
    }
}
