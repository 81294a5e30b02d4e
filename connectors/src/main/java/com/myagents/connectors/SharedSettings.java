package com.myagents.connectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code myagents.*} settings the connectors share with other services, under the keys those
 * services read too: the topics' replication factor, the key enforcement signs commands with, and
 * the key the vault's resolver trusts (both blank when unset).
 */
@ConfigurationProperties("myagents")
record SharedSettings(@DefaultValue Kafka kafka, @DefaultValue Enforcement enforcement, @DefaultValue Vault vault) {

    record Kafka(@DefaultValue("1") short replicationFactor) {
    }

    record Enforcement(@DefaultValue("") String commandSigningKey) {
    }

    record Vault(@DefaultValue("") String resolverKey) {
    }
}
