package com.myagents.pp.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.contracts.Topic;
import com.myagents.contracts.Topics;
import com.myagents.contracts.execution.ExecutionRequest;
import com.myagents.embedded.EmbeddedPostgresServer;
import com.myagents.gateway.GatewayApplication;
import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;
import com.myagents.ingest.IngestApiApplication;
import com.myagents.plant.PlantStoreApplication;
import com.myagents.pp.PpBackendApplication;
import com.myagents.pp.SignedInOperators;
import com.myagents.testsupport.Http;
import com.myagents.testsupport.SharedTestInfra;
import com.myagents.testsupport.TopicReader;
import com.myagents.testsupport.TopicWriter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * pp-backend in front of the real platform, in this test JVM, the way the launcher starts it:
 * plant-store (migrations with demo data, outbox relay, materializer), ingest-api, the gateway
 * (access records onto their topic) and pp-backend, on the real broker and PostgreSQL. The test
 * plays the two parts not started here: cp-backend (customers call the gateway with a cp-backend
 * assertion) and enforcement-streams (it answers execution requests on their topics).
 */
public final class RunningPlatform {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CP_KEY = Keys.generate();
    private static final String PP_KEY = Keys.generate();
    private static final String PLANT_KEY = Keys.generate();
    private static final String RECEIPT_KEY = Keys.generate();
    private static final String TOKEN_KEY = Keys.generate();
    private static final IdentityTokens CP = new IdentityTokens(Hops.CP_ISSUER, Keys.decode(CP_KEY));

    private static RunningPlatform instance;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String bootstrap;
    private ConfigurableApplicationContext plantStore;
    private ConfigurableApplicationContext pp;
    private String gatewayUrl;
    private String ppUrl;
    private Http ppHttp;
    private SignedInOperators operators;

    private RunningPlatform(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static synchronized RunningPlatform get() {
        if (instance == null) {
            RunningPlatform platform = new RunningPlatform(SharedTestInfra.kafkaBootstrapServers());
            platform.start(SharedTestInfra.postgres());
            instance = platform;
        }
        return instance;
    }

    private void start(EmbeddedPostgresServer postgres) {
        List<String> common = List.of("server.port=0", "spring.main.banner-mode=off",
                "spring.kafka.bootstrap-servers=" + bootstrap,
                "spring.datasource.url=" + postgres.jdbcUrl(),
                "spring.datasource.username=" + postgres.username(),
                "spring.datasource.password=" + postgres.password(),
                "myagents.demo-data=true");
        plantStore = run(PlantStoreApplication.builder(), common, List.of(
                "myagents.materializer.group-id=pp-platform-test-" + UUID.randomUUID()));
        ConfigurableApplicationContext plant = run(IngestApiApplication.builder(), common, List.of(
                "myagents.plant.identity-key=" + PLANT_KEY, "myagents.execute.decision-wait=5s",
                "myagents.review.receipt-key=" + RECEIPT_KEY));
        ConfigurableApplicationContext gateway = run(GatewayApplication.builder(), common, List.of(
                "myagents.gateway.plant-url=http://127.0.0.1:" + port(plant),
                "myagents.gateway.plant-identity-key=" + PLANT_KEY,
                "myagents.gateway.clients.cp-backend.key=" + CP_KEY,
                "myagents.gateway.clients.pp-backend.key=" + PP_KEY));
        gatewayUrl = "http://127.0.0.1:" + port(gateway);
        pp = run(PpBackendApplication.builder(), common, List.of(
                "myagents.gateway.url=" + gatewayUrl,
                "myagents.gateway.service-key=" + PP_KEY,
                "myagents.tokens.key=" + TOKEN_KEY,
                "myagents.review.receipt-key=" + RECEIPT_KEY));
        ppUrl = "http://127.0.0.1:" + port(pp);
        ppHttp = new Http(() -> URI.create(ppUrl), "/api/pp/auth/login");
        operators = new SignedInOperators(ppHttp);
    }

    private ConfigurableApplicationContext run(SpringApplicationBuilder builder, List<String> common, List<String> own) {
        List<String> args = new ArrayList<>();
        common.forEach(p -> args.add("--" + p));
        own.forEach(p -> args.add("--" + p));
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        contexts.add(context);
        return context;
    }

    private static String port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.server.port");
    }

    // --- operators, through pp-backend as the browser calls it

    /** The demo operators, signed in at this platform's pp-backend. */
    public SignedInOperators operators() {
        return operators;
    }

    public String login(String email, String password) {
        return ppHttp.login(email, password);
    }

    public HttpResponse<String> pp(String method, String path, String token, String body, String correlationId) {
        return ppHttp.call(method, path, token, body, correlationId);
    }

    public HttpResponse<String> pp(String method, String path, String token, String body) {
        return pp(method, path, token, body, null);
    }

    // --- customers, through the gateway as cp-backend calls it

    public static Principal newCustomer() {
        UUID id = UUID.randomUUID();
        return new Principal(id.toString(), Principal.Kind.CUSTOMER, "pp-" + id.toString().substring(0, 8)
                + "@example.test", Set.of("customer"), "Practice " + id.toString().substring(24));
    }

    public HttpResponse<String> asCustomer(Principal customer, String method, String path, String body,
                                           String correlationId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + CP.sign(customer, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (correlationId != null) {
            request.header(Hops.CORRELATION_HEADER, correlationId);
        }
        return send(request);
    }

    /** Straight to the gateway as pp-backend vouching for {@code operator}: what any call around pp's own checks looks like. */
    public HttpResponse<String> asOperatorAtGateway(Principal operator, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + new IdentityTokens(Hops.PP_ISSUER, Keys.decode(PP_KEY))
                        .sign(operator, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    public JsonNode asCustomerOk(Principal customer, String method, String path, String body) {
        HttpResponse<String> response = asCustomer(customer, method, path, body, null);
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    // --- the pipeline's topics, as enforcement-streams and goal runs use them

    public <V> void publish(Topic<String, V> topic, String key, V event) {
        TopicWriter.shared().publish(topic, key, event);
    }

    /** The execution request ingest-api published (through its outbox) under this correlation id. */
    public ExecutionRequest awaitExecutionRequest(String correlationId) {
        try (var reader = TopicReader.values(Topics.EXECUTION_REQUESTS, bootstrap,
                request -> correlationId.equals(request.correlationId()))) {
            return reader.first(Duration.ofSeconds(20));
        }
    }

    /** Plant's database, as plant-store reaches it (schema plant). */
    public DSLContext plantDb() {
        return plantStore.getBean(DSLContext.class);
    }

    /** pp-backend's database (schema pp). */
    public DSLContext ppDb() {
        return pp.getBean(DSLContext.class);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
