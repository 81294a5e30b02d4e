package com.myagents.gateway.ratelimit;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.gateway.GatewayProperties;
import com.myagents.http.ratelimit.RateLimiter;
import com.myagents.http.ratelimit.TokenBucketLimiter;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Where the per-principal buckets live. Given a database ({@code spring.datasource.url}, as the
 * launcher and docker-compose give every gateway) they are shared in its schema {@code gateway},
 * which this module owns and migrates (Flyway as the schema owner {@code spring.flyway.user}; the
 * gateway then logs in as its own role, granted only that table): any number of gateway instances
 * spend one budget. Without one (a single gateway, e.g. its own tests) they stay in this instance's
 * memory, and the start says so. The gateway keeps no other state, so it builds this one pool in
 * code instead of turning Boot's DataSource, Flyway and jOOQ auto-configurations back on.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);
    /** Exactly one of the two limiters exists: decided by the setting, never by bean order. */
    private static final String DATABASE_GIVEN = "'${spring.datasource.url:}' != ''";
    private static final String NO_DATABASE = "'${spring.datasource.url:}' == ''";

    @Bean
    public RateLimitFilter rateLimitFilter(RateLimiter limiter) {
        return new RateLimitFilter(limiter);
    }

    @Bean
    @ConditionalOnExpression(DATABASE_GIVEN)
    public SharedTokenBuckets sharedTokenBuckets(GatewayProperties properties, HikariDataSource rateLimitDatabase,
            ObjectProvider<MeterRegistry> registry) {
        GatewayProperties.RateLimit limit = properties.rateLimit();
        log.info("rate limits: {} requests/s, burst {} per principal, shared by every gateway on {}",
                limit.requestsPerSecond(), limit.burst(), rateLimitDatabase.getJdbcUrl());
        return new SharedTokenBuckets(rateLimitDatabase, limit.requestsPerSecond(), limit.burst(),
                registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Migrates the schema {@code gateway} as its owner, then pools the gateway's own login. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(DATABASE_GIVEN)
    public HikariDataSource rateLimitDatabase(@Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password,
            @Value("${spring.flyway.user:${spring.datasource.username:}}") String owner,
            @Value("${spring.flyway.password:${spring.datasource.password:}}") String ownerPassword) {
        Flyway.configure()
                .dataSource(url, owner, ownerPassword)
                .schemas("gateway").defaultSchema("gateway").createSchemas(true)
                .locations("classpath:db/gateway", "classpath:db/gateway-grants")
                .load().migrate();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setPoolName("gateway-rate-limits");
        pool.setMaximumPoolSize(8);
        // an unreachable database must cost a request little: it then falls back (SharedTokenBuckets)
        pool.setConnectionTimeout(500);
        return new HikariDataSource(pool);
    }

    @Bean
    @ConditionalOnExpression(NO_DATABASE)
    public TokenBucketLimiter tokenBucketLimiter(GatewayProperties properties) {
        GatewayProperties.RateLimit limit = properties.rateLimit();
        log.info("rate limits: {} requests/s, burst {} per principal, in this instance's memory (no database "
                + "configured: right for exactly one gateway; several would each allow the full rate)",
                limit.requestsPerSecond(), limit.burst());
        return new TokenBucketLimiter(limit.requestsPerSecond(), limit.burst());
    }
}
