package com.myagents.connectors.support;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.myagents.connectors.ConnectorsProperties;
import com.myagents.connectors.ExecutionMode;
import com.myagents.connectors.actions.ExternalActions;
import com.myagents.connectors.command.CommandHandler;
import com.myagents.connectors.command.Refusals;
import com.myagents.connectors.delta.DeltaConnector;
import com.myagents.connectors.delta.DeltaRequests;
import com.myagents.connectors.hiring.HiredInstanceTable;
import com.myagents.connectors.http.Transport;
import com.myagents.connectors.meta.FacebookConnector;
import com.myagents.connectors.meta.GraphApi;
import com.myagents.connectors.meta.InstagramConnector;
import com.myagents.connectors.meta.MediaLinks;
import com.myagents.connectors.social.LinkedInConnector;
import com.myagents.connectors.social.XConnector;
import com.myagents.connectors.vault.CredentialLookup;
import com.myagents.connectors.vault.VaultClient;
import com.myagents.contracts.hiring.HiredAgentChange;

/**
 * The command handler wired as the application wires it, against the real test PostgreSQL and
 * the {@link StubPlatforms}; hired instances come from an in-memory table instead of the topic.
 */
public final class Connectors {

    public final StubPlatforms platforms;
    public final Table instances = new Table();
    public final ExternalActions actions;
    public final CommandHandler handler;
    public final ConnectorsProperties properties;

    private Connectors(StubPlatforms platforms, ExecutionMode mode, String resolverKey, int maxAttempts) {
        this(platforms, mode, resolverKey, maxAttempts, platforms.uri());
    }

    private Connectors(StubPlatforms platforms, ExecutionMode mode, String resolverKey, int maxAttempts, URI xBaseUrl) {
        this.platforms = platforms;
        this.properties = properties(mode, platforms, maxAttempts);
        Clock clock = Clock.systemUTC();
        Transport transport = new Transport(Duration.ofSeconds(3));
        this.actions = new ExternalActions(TestDatabase.dsl(), clock);
        VaultClient vault = new VaultClient(properties.vaultUrl(), resolverKey, transport);
        GraphApi graph = new GraphApi(platforms.uri(), StubPlatforms.GRAPH_VERSION);
        MediaLinks media = new MediaLinks(StubPlatforms.MEDIA_KEY_BASE64, platforms.uri(), Duration.ofMinutes(15), clock);
        this.handler = new CommandHandler(Commands.SIGNER, actions,
                new CredentialLookup(instances, vault, Duration.ofMillis(200)),
                List.of(new DeltaConnector(new DeltaRequests(platforms.uri(), "myagents-test", clock), transport,
                                new BigDecimal("85")),
                        new LinkedInConnector(platforms.uri(), "202605", transport, clock),
                        new XConnector(xBaseUrl, transport, clock),
                        new FacebookConnector(graph, media, transport, clock),
                        new InstagramConnector(graph, media, transport, clock)),
                properties, new Refusals(clock));
    }

    public static Connectors live() {
        return new Connectors(fresh(), ExecutionMode.LIVE, StubPlatforms.RESOLVER_KEY_BASE64, 3);
    }

    public static Connectors dryRun() {
        return new Connectors(fresh(), ExecutionMode.DRY_RUN, StubPlatforms.RESOLVER_KEY_BASE64, 3);
    }

    /** Live, with X at {@code xBaseUrl} (e.g. a port nothing listens on). */
    public static Connectors liveWithXAt(URI xBaseUrl) {
        return new Connectors(StubPlatforms.shared(), ExecutionMode.LIVE, StubPlatforms.RESOLVER_KEY_BASE64, 3, xBaseUrl);
    }

    public static Connectors liveWithResolverKey(String resolverKey) {
        return new Connectors(fresh(), ExecutionMode.LIVE, resolverKey, 3);
    }

    /** The shared stub server with every stub of the previous test removed. */
    private static StubPlatforms fresh() {
        StubPlatforms platforms = StubPlatforms.shared();
        platforms.reset();
        return platforms;
    }

    public static ConnectorsProperties properties(ExecutionMode mode, StubPlatforms platforms, int maxAttempts) {
        return new ConnectorsProperties(mode, Map.of(), platforms.uri(), "test-connectors", maxAttempts,
                Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(3), Duration.ofMillis(200),
                new ConnectorsProperties.Delta(platforms.uri(), "myagents-test", new BigDecimal("85"), List.of(), Duration.ofSeconds(30)),
                new ConnectorsProperties.LinkedIn(platforms.uri(), "202605"),
                new ConnectorsProperties.X(platforms.uri()),
                new ConnectorsProperties.Meta(platforms.uri(), StubPlatforms.GRAPH_VERSION),
                new ConnectorsProperties.Media(platforms.uri(), StubPlatforms.MEDIA_KEY_BASE64, Duration.ofMinutes(15)));
    }

    /** A trading instance configured with {@code exchangeRef}. */
    public HiredAgentChange tradingInstance(String hiredInstanceId, String exchangeRef) {
        return instances.put(new HiredAgentChange(hiredInstanceId, "sub-1", Commands.CUSTOMER_ID,
                "trading.delta_futures.v1", "1.0.0", "Trader", "Asia/Kolkata",
                Map.of("exchange_credential_ref", exchangeRef, "allowed_coins", List.of("BTC")), true, "active",
                "ended_converted", null, Instant.now()));
    }

    /** A fresh trading instance whose exchange credential the vault holds with Delta's test key and secret. */
    public TradingInstance tradingInstanceWithExchangeSetup() {
        String instance = UUID.randomUUID().toString();
        String ref = "cref_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        tradingInstance(instance, ref);
        platforms.vaultHasExchangeSetup(ref, Commands.CUSTOMER_ID, StubPlatforms.DELTA_API_KEY, StubPlatforms.DELTA_API_SECRET);
        return new TradingInstance(instance, ref);
    }

    /** A hired trading instance and the ref of its exchange credential. */
    public record TradingInstance(String id, String exchangeRef) {
    }

    /** A marketing instance with one credential ref per platform. */
    public HiredAgentChange marketingInstance(String hiredInstanceId, Map<String, String> refsByPlatform) {
        Map<String, Object> credentials = new java.util.LinkedHashMap<>();
        refsByPlatform.forEach((platform, ref) -> credentials.put(platform, Map.of("credential_ref", ref)));
        return instances.put(new HiredAgentChange(hiredInstanceId, "sub-1", Commands.CUSTOMER_ID,
                "marketing.healthcare.v1", "1.0.0", "Clinic", "Asia/Kolkata",
                Map.of("platforms_enabled", List.copyOf(refsByPlatform.keySet()), "platform_credentials", credentials),
                true, "active", "active", null, Instant.now()));
    }

    /** The in-memory stand-in for the hired-agents topic. */
    public static final class Table implements HiredInstanceTable {

        private final Map<String, HiredAgentChange> rows = new ConcurrentHashMap<>();
        private volatile boolean loaded = true;

        public HiredAgentChange put(HiredAgentChange change) {
            rows.put(change.hiredInstanceId(), change);
            return change;
        }

        public void notLoadedYet() {
            loaded = false;
        }

        @Override
        public Optional<HiredAgentChange> find(String hiredInstanceId) {
            return Optional.ofNullable(rows.get(hiredInstanceId));
        }

        @Override
        public boolean awaitCaughtUp(Duration wait) {
            return loaded;
        }
    }
}
