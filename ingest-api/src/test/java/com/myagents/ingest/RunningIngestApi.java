package com.myagents.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.contracts.serde.EventJson;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.SharedTestInfra;

import tools.jackson.databind.JsonNode;

/**
 * ingest-api on a random port against the real broker and PostgreSQL of this test JVM, with the
 * plant schema and demo data migrated; requests carry an identity signed as the gateway would.
 */
final class RunningIngestApi {

    static final String DEMO = "00000000-0000-0000-0000-0000000c0001";
    static final String OTHER = "00000000-0000-0000-0000-0000000c0002";
    static final Principal DEMO_CUSTOMER = new Principal(DEMO, Principal.Kind.CUSTOMER, "demo@myagents.local", Set.of());
    static final Principal OTHER_CUSTOMER = new Principal(OTHER, Principal.Kind.CUSTOMER, "other@myagents.local", Set.of());
    static final Principal ADMIN = new Principal("ops-1", Principal.Kind.OPERATOR, "ops@myagents.local", Set.of("admin"));
    static final Principal SUPPORT = new Principal("ops-2", Principal.Kind.OPERATOR, "support@myagents.local", Set.of("support"));

    static final byte[] RECEIPT_KEY = randomKey();

    private static RunningIngestApi instance;

    final ConfigurableApplicationContext context;
    final String baseUrl;
    final IdentityTokens gateway;
    final EmbeddedPostgresServer postgres;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningIngestApi(ConfigurableApplicationContext context, IdentityTokens gateway, EmbeddedPostgresServer postgres) {
        this.context = context;
        this.baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        this.gateway = gateway;
        this.postgres = postgres;
    }

    static synchronized RunningIngestApi get() {
        if (instance == null) {
            EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .schemas("plant").defaultSchema("plant").outOfOrder(true).placeholderReplacement(false)
                    .locations("classpath:db/plant", "classpath:db/plant-demo").load().migrate();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            ConfigurableApplicationContext context = IngestApiApplication.builder().run(
                    "--server.port=0",
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--spring.kafka.bootstrap-servers=" + SharedTestInfra.kafkaBootstrapServers(),
                    "--myagents.plant.identity-key=" + Base64.getEncoder().encodeToString(key),
                    "--myagents.execute.decision-wait=2s",
                    "--myagents.review.receipt-key=" + Base64.getEncoder().encodeToString(RECEIPT_KEY));
            instance = new RunningIngestApi(context, new IdentityTokens(Hops.GATEWAY_ISSUER, key), postgres);
        }
        return instance;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The body of a publish with pp-backend's receipt for the version as Plant has it now. */
    String reviewedPublish(String agentTypeId, String version) {
        JsonNode definition = json(call("GET", "/api/v1/agent-types/" + agentTypeId + "?version=" + version, ADMIN, null));
        String receipt = new com.myagents.http.review.ReviewReceipts(RECEIPT_KEY, java.time.Clock.systemUTC())
                .mint(new com.myagents.http.review.ReviewReceipts.Receipt(agentTypeId, version,
                        com.myagents.http.review.DefinitionHash.of(definition), "ops-1"));
        return "{\"review_receipt\":\"" + receipt + "\"}";
    }

    /** A call with a body declared as {@code contentType}, sent as the given bytes. */
    HttpResponse<String> callRaw(String method, String path, Principal as, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header(Hops.PLANT_IDENTITY_HEADER, gateway.sign(as, Hops.PLANT_AUDIENCE, Duration.ofSeconds(60)))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> call(String method, String path, Principal as, String body) {
        return call(method, path, as, body, null);
    }

    HttpResponse<String> call(String method, String path, Principal as, String body, String correlationId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (as != null) {
            request.header(Hops.PLANT_IDENTITY_HEADER, gateway.sign(as, Hops.PLANT_AUDIENCE, Duration.ofSeconds(60)));
        }
        if (correlationId != null) {
            request.header(Hops.CORRELATION_HEADER, correlationId);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return EventJson.MAPPER.readTree(response.body());
    }

    long count(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
