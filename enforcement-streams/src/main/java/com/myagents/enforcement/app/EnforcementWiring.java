package com.myagents.enforcement.app;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import com.myagents.contracts.execution.signing.CommandSigner;
import com.myagents.enforcement.EnforcementApplication;
import com.myagents.enforcement.topology.EnforcementSettings;
import com.myagents.enforcement.topology.EnforcementTopology;
import com.myagents.streams.DeadThreadPolicy;
import com.myagents.streams.ManagedStreams;
import com.myagents.streams.StreamsProbes;

/** Configuration, topology and the running streams, put together; its probes and metrics are {@link StreamsProbes}. */
@Configuration(proxyBeanMethods = false)
@Import(StreamsProbes.class)
class EnforcementWiring {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    EnforcementStreamsConfig enforcementStreamsConfig(Environment environment, EnforcementProperties enforcement) {
        return EnforcementStreamsConfig.from(environment, enforcement);
    }

    @Bean
    CommandSigner commandSigner(EnforcementProperties enforcement) {
        return CommandSigner.fromBase64(enforcement.commandSigningKey());
    }

    /**
     * Fail closed: only a thread the broker killed is replaced (it re-reads what it had not
     * committed, it skips nothing); a failure to decide stops the client, and so does a broker away
     * for too long. On stop it stays in the group as a static member: a restart within the session
     * timeout takes its partitions straight back.
     */
    @Bean
    ManagedStreams enforcementStreams(EnforcementStreamsConfig config, CommandSigner signer) {
        return new ManagedStreams(EnforcementApplication.NAME,
                EnforcementTopology.build(EnforcementSettings.of(signer, config.stores())), config.properties(),
                new ManagedStreams.TopicProvisioning(config.bootstrapServers(), config.security(), config.replicationFactor()),
                DeadThreadPolicy.FAIL_CLOSED, ManagedStreams.Exit.stayInGroup(CLOSE_TIMEOUT));
    }
}
