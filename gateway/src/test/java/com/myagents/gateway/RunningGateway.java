package com.myagents.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import com.myagents.http.identity.Hops;
import com.myagents.http.identity.IdentityTokens;
import com.myagents.http.identity.Keys;
import com.myagents.http.identity.Principal;

/** The real gateway app on a random port, with fresh keys, in front of a given plant URL. */
public final class RunningGateway implements AutoCloseable {

    public static final String CP_KEY = Keys.generate();
    public static final String PP_KEY = Keys.generate();
    public static final String PLANT_KEY = Keys.generate();

    public static final IdentityTokens CP = new IdentityTokens(Hops.CP_ISSUER, Keys.decode(CP_KEY));
    public static final IdentityTokens PP = new IdentityTokens(Hops.PP_ISSUER, Keys.decode(PP_KEY));
    /** What ingest-api holds to verify {@code X-Plant-Identity}. */
    public static final IdentityTokens PLANT_VERIFIER = new IdentityTokens(Hops.GATEWAY_ISSUER, Keys.decode(PLANT_KEY));

    private static RunningGateway shared;
    private static RecordingPlant sharedPlant;

    private final ConfigurableApplicationContext context;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public RunningGateway(URI plantUrl, String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "myagents.gateway.plant-url=" + plantUrl,
                "myagents.gateway.plant-identity-key=" + PLANT_KEY,
                "myagents.gateway.clients.cp-backend.key=" + CP_KEY,
                "myagents.gateway.clients.pp-backend.key=" + PP_KEY,
                "myagents.gateway.upstream-timeout=3s",
                // the wait of the ingest-api this gateway fronts must end before that timeout
                "myagents.execute.decision-wait=1s"));
        properties.addAll(List.of(extraProperties));
        // as arguments, the way the launcher passes them: they outrank gateway.yml
        context = GatewayApplication.builder().run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** One gateway and one recording plant for every test class that needs the default setup. */
    public static synchronized RunningGateway shared() {
        if (shared == null) {
            sharedPlant = new RecordingPlant();
            shared = new RunningGateway(sharedPlant.url());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.close();
                sharedPlant.close();
            }));
        }
        return shared;
    }

    public static synchronized RecordingPlant sharedPlant() {
        shared();
        return sharedPlant;
    }

    public static Principal customer(String id) {
        return new Principal(id, Principal.Kind.CUSTOMER, id + "@myagents.local", Set.of("customer"));
    }

    public static String cpAssertion(Principal principal) {
        return CP.sign(principal, Hops.GATEWAY_AUDIENCE, Duration.ofSeconds(60));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
