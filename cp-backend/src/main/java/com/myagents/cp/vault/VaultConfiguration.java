package com.myagents.cp.vault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class VaultConfiguration {

    /** Reads the key ids the stored rows use first (Flyway has run by then), so a lost key stops the start. */
    @Bean
    public MasterKeys masterKeys(VaultProperties properties, VaultEntries entries) {
        return MasterKeys.load(properties, entries.keyIdsInUse());
    }

    @Bean
    public EnvelopeCipher envelopeCipher(MasterKeys keys) {
        return new EnvelopeCipher(keys);
    }

    @Bean
    public KeyRotation keyRotation(VaultEntries entries, EnvelopeCipher cipher) {
        return new KeyRotation(entries, cipher);
    }
}
