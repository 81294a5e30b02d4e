package com.myagents.ingest;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Principal;
import com.myagents.testsupport.Http;
import com.myagents.testsupport.SharedTestInfra;

/**
 * ingest-api on a random port against this test JVM's real broker and PostgreSQL (plant schema and
 * demo data migrated), called the way the gateway calls it: each request carries the caller's
 * identity, signed with the gateway's key for Plant, and a correlation id where the test gives one.
 */
public final class PlantApi {

    private final ConfigurableApplicationContext context;
    private final Http http;
    private final IdentityTokens gateway;

    private PlantApi(ConfigurableApplicationContext context, IdentityTokens gateway) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = new Http(() -> URI.create("http://localhost:" + port));
        this.gateway = gateway;
    }

    /** Started with the execute endpoint waiting {@code decisionWait} for a decision, and pp-backend's receipt key. */
    public static PlantApi start(String decisionWait, byte[] receiptKey) {
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        SharedTestInfra.migrate("plant", true, "classpath:db/plant", "classpath:db/plant-demo");
        byte[] identityKey = new byte[32];
        new SecureRandom().nextBytes(identityKey);
        ConfigurableApplicationContext context = IngestApiApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + SharedTestInfra.kafkaBootstrapServers(),
                "--myagents.plant.identity-key=" + Base64.getEncoder().encodeToString(identityKey),
                "--myagents.execute.decision-wait=" + decisionWait,
                "--myagents.review.receipt-key=" + Base64.getEncoder().encodeToString(receiptKey));
        return new PlantApi(context, new IdentityTokens(Hops.GATEWAY_ISSUER, identityKey));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** A call with a JSON body or none, as {@code as} (or anonymous when null). */
    public HttpResponse<String> call(String method, String path, Principal as, String body, String correlationId) {
        HttpRequest.Builder request = http.request(path)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (as != null) {
            request.header(Hops.PLANT_IDENTITY_HEADER, identity(as));
        }
        if (correlationId != null) {
            request.header(Hops.CORRELATION_HEADER, correlationId);
        }
        return http.send(request.build());
    }

    /** A call with a body declared as {@code contentType}, sent as the given bytes. */
    public HttpResponse<String> callRaw(String method, String path, Principal as, String contentType, byte[] body) {
        return http.send(http.request(path)
                .header("Content-Type", contentType)
                .header(Hops.PLANT_IDENTITY_HEADER, identity(as))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A GET whose body is read as it arrives (downloads), not held whole. */
    public HttpResponse<InputStream> stream(String path, Principal as) {
        return http.send(http.request(path).header(Hops.PLANT_IDENTITY_HEADER, identity(as)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private String identity(Principal as) {
        return gateway.sign(as, Hops.PLANT_AUDIENCE, Duration.ofSeconds(60));
    }
}
