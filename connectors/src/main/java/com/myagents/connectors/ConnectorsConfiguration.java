package com.myagents.connectors;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.binder.MeterBinder;

import com.myagents.connectors.actions.ExternalActions;
import com.myagents.connectors.command.CommandConsumer;
import com.myagents.connectors.command.CommandHandler;
import com.myagents.connectors.command.Refusals;
import com.myagents.connectors.connector.Connector;
import com.myagents.connectors.delta.DeltaConnector;
import com.myagents.connectors.delta.DeltaRequests;
import com.myagents.connectors.delta.DeltaTickers;
import com.myagents.connectors.hiring.HiredInstances;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.market.MarkPricePublisher;
import com.myagents.connectors.meta.FacebookConnector;
import com.myagents.connectors.meta.GraphApi;
import com.myagents.connectors.meta.InstagramConnector;
import com.myagents.connectors.meta.MediaLinks;
import com.myagents.connectors.social.LinkedInConnector;
import com.myagents.connectors.social.XConnector;
import com.myagents.connectors.vault.CredentialLookup;
import com.myagents.connectors.vault.VaultClient;
import com.myagents.contracts.TopicProvisioner;
import com.myagents.contracts.security.KafkaClientSecurity;
import com.myagents.contracts.execution.signing.CommandSigner;

/** The connectors' moving parts: the signature check, the clients, the idempotency records and the consumer. */
@Configuration(proxyBeanMethods = false)
// Boot's binding of spring.kafka.*, without its Kafka auto-configuration (excluded: the clients are built here)
@EnableConfigurationProperties(KafkaProperties.class)
class ConnectorsConfiguration {

    /** Exists once every topic of the registry exists on the broker. */
    record KafkaClients(Map<String, Object> config) {
    }

    @Bean
    KafkaClients kafkaClients(KafkaProperties kafka, SharedSettings settings, Environment env) {
        String bootstrapServers = String.join(",", kafka.getBootstrapServers());
        KafkaClientSecurity security = KafkaClientSecurity.from(env::getProperty);
        TopicProvisioner.ensureTopics(bootstrapServers, security, settings.kafka().replicationFactor());
        return new KafkaClients(Map.copyOf(security.applyTo(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))));
    }

    /** Without the key nothing verifies: the app refuses to start rather than refuse every command. */
    @Bean
    CommandSigner commandSigner(SharedSettings settings) {
        return CommandSigner.fromBase64(settings.enforcement().commandSigningKey());
    }

    @Bean
    Transport transport(ConnectorsProperties properties) {
        return new Transport(properties.httpTimeout());
    }

    @Bean
    VaultClient vaultClient(ConnectorsProperties properties, Transport transport, SharedSettings settings) {
        return new VaultClient(properties.vaultUrl(), settings.vault().resolverKey(), transport);
    }

    @Bean
    HiredInstances hiredInstances(KafkaClients kafka) {
        return new HiredInstances(kafka.config());
    }

    @Bean
    CredentialLookup credentialLookup(HiredInstances instances, VaultClient vault, ConnectorsProperties properties) {
        return new CredentialLookup(instances, vault, properties.catalogWait());
    }

    @Bean
    DeltaConnector deltaConnector(ConnectorsProperties properties, Transport transport, Clock clock) {
        ConnectorsProperties.Delta delta = properties.delta();
        return new DeltaConnector(new DeltaRequests(delta.baseUrl(), delta.userAgent(), clock), transport,
                delta.usdInrRate());
    }

    @Bean
    MarkPricePublisher markPricePublisher(ConnectorsProperties properties, Transport transport, Clock clock,
            KafkaClients kafka) {
        ConnectorsProperties.Delta delta = properties.delta();
        return new MarkPricePublisher(new DeltaTickers(new DeltaRequests(delta.baseUrl(), delta.userAgent(), clock), transport),
                delta.markPriceSymbols(), delta.markPriceInterval(), kafka.config());
    }

    @Bean
    LinkedInConnector linkedInConnector(ConnectorsProperties properties, Transport transport, Clock clock) {
        return new LinkedInConnector(properties.linkedin().baseUrl(), properties.linkedin().version(), transport, clock);
    }

    @Bean
    XConnector xConnector(ConnectorsProperties properties, Transport transport, Clock clock) {
        return new XConnector(properties.x().baseUrl(), transport, clock);
    }

    @Bean
    MediaLinks mediaLinks(ConnectorsProperties properties, Clock clock) {
        ConnectorsProperties.Media media = properties.media();
        return new MediaLinks(media.signingKey(), media.publicUrl(), media.urlTtl(), clock);
    }

    @Bean
    FacebookConnector facebookConnector(ConnectorsProperties properties, MediaLinks media, Transport transport,
            Clock clock) {
        return new FacebookConnector(new GraphApi(properties.meta().baseUrl(), properties.meta().version()), media,
                transport, clock);
    }

    @Bean
    InstagramConnector instagramConnector(ConnectorsProperties properties, MediaLinks media, Transport transport,
            Clock clock) {
        return new InstagramConnector(new GraphApi(properties.meta().baseUrl(), properties.meta().version()), media,
                transport, clock);
    }

    @Bean
    ExternalActions externalActions(DSLContext db, Clock clock) {
        return new ExternalActions(db, clock);
    }

    @Bean
    CommandHandler commandHandler(CommandSigner signer, ExternalActions actions, CredentialLookup credentials,
            List<Connector> connectors, ConnectorsProperties properties, Clock clock) {
        return new CommandHandler(signer, actions, credentials, connectors, properties, new Refusals(clock));
    }

    @Bean
    CommandConsumer commandConsumer(CommandHandler handler, KafkaClients kafka, ConnectorsProperties properties) {
        return new CommandConsumer(handler, kafka.config(), properties.groupId(), properties.maxAttempts(),
                properties.retryBackoffInitial(), properties.retryBackoffMax());
    }

    @Bean
    HealthIndicator commandsHealthIndicator(CommandConsumer consumer) {
        return consumer::health;
    }

    /** Connector results by platform and outcome (myagents_connector_results_total). */
    @Bean
    MeterBinder connectorResultMetrics(CommandConsumer consumer) {
        return consumer::countInto;
    }
}
