package com.myagents.cp.vault.resolve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.myagents.cp.vault.VaultProperties;

@Configuration(proxyBeanMethods = false)
public class ResolveConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResolveConfiguration.class);

    /** No key, no resolving: the endpoint then refuses every call (and audits it) rather than guess a key. */
    @Bean
    public ResolverTokens resolverTokens(VaultProperties properties) {
        ResolverTokens tokens = ResolverTokens.fromKey(properties.resolverKey());
        if (!tokens.enabled()) {
            log.warn("myagents.vault.resolver-key is not set: connectors cannot resolve any credential");
        }
        return tokens;
    }
}
